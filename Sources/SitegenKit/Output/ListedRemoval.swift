import Foundation
import SitegenCore

/// Removes from a folder a build published only the files its list names (``WrittenFiles``), each
/// still as the build wrote it (its identity the listed one), then every folder of theirs left empty:
/// whatever else is in it, put there at any moment up to the removal itself (a file saved from a shell
/// whose current folder was inside it, a pipe, a link, a folder no build made, empty or not), or a
/// listed file edited since it was published (`echo … >> site/robots.txt`), stays, with the folders
/// that hold it. A look before the swap and a removal of everything after it left an instant in which
/// a file saved was lost; here the removal is the look.
///
/// Like ``TreeRemoval``, no link is followed: each folder is opened from the descriptor of the folder
/// holding it (`O_NOFOLLOW`) and every name is removed relative to one. A folder is held open only on
/// the way down, so a removal holds as many descriptors as the folder is deep, ``deepest`` at most;
/// a folder deeper than that is kept, not looked into.
enum ListedRemoval {
    /// How deep a folder is looked into; deeper ones are kept as they are.
    static let deepest = 64

    /// What was left: how many entries, and the first few of them by path.
    typealias Left = WrittenFiles.Others

    /// Removes the files of `path` that `written` names, and the folders that are then empty, the
    /// folder itself last (its marker just before it). What is left is counted and named; nothing
    /// left means the folder is gone.
    static func remove(_ path: String, listed written: PlacedFiles) -> Left {
        let root = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        var left = Left()
        guard root >= 0 else {
            // Gone already, or no longer a folder: nothing of a build to remove.
            if errno != ENOENT { left.add(".") }
            return left
        }
        defer { close(root) }
        let top = entries(of: root, below: [], named: true, written: written, left: &left)
        for folder in top {
            let fd = Folder.openFolder(folder, in: root)
            let shown = String(decoding: folder, as: UTF8.self)
            guard fd >= 0 else {
                left.add(shown)
                continue
            }
            // The folders of each top folder share the cores: a large site is tens of thousands of unlinks.
            let named = String(validating: folder, as: UTF8.self) != nil
            let inner = entries(of: fd, below: folder, named: named, written: written, left: &left)
            let parts = Parallel.map(inner) { name -> Left in
                var part = Left()
                removeBelow(fd, name, below: folder + [UInt8(ascii: "/")] + name, named: named, written: written, left: &part)
                return part
            }
            for part in parts { left.add(part) }
            close(fd)
            removeIfEmpty(root, folder)
        }
        // Something put into a folder after it was read kept that folder, and so the top one.
        if left.count == 0 { for other in Folder.entryKinds(in: root) where other.name != OutputFolder.markerName { left.add(other.name) } }
        if left.count == 0 {
            // The marker goes last: a removal cut short leaves a folder that still says it is sitegen's.
            unlinkat(root, OutputFolder.markerName, 0)
            if rmdir(path) != 0 && errno != ENOENT { left.add(".") }
        }
        left.trim()
        return left
    }

    /// Removes the files the list names in the folder open at `fd` (`below` its top), counts everything
    /// else but folders in `left`, and returns the names of its folders.
    private static func entries(of fd: Int32, below: [UInt8], named: Bool, written: PlacedFiles, left: inout Left) -> [[UInt8]] {
        let listed = WrittenFiles.listedFolder(below, named: named, in: written)
        let prefix = below.isEmpty ? [] : below + [UInt8(ascii: "/")]
        var folders: [[UInt8]] = []
        var listedFiles: [(name: [UInt8], identity: Int?)] = []
        var probes: [[UInt8]] = []
        let read = Folder.forEachEntry(in: fd) { name, kind in
            let bytes = Array(UnsafeRawBufferPointer(start: name, count: strlen(name)))
            guard let kind = Folder.kind(kind, of: name, in: fd) else {
                left.add(WrittenFiles.display(prefix + bytes))
                return true
            }
            if kind == DT_DIR {
                if WrittenFiles.isListedFolder(bytes, in: listed, of: written) {
                    folders.append(bytes)
                } else if OutputTree.isClockProbe(bytes) {
                    probes.append(bytes)
                } else {
                    left.add(WrittenFiles.displayFolder(prefix + bytes))
                }
                return true
            }
            let text = String(validatingCString: name)
            // The marker goes last, with the folder.
            if WrittenFiles.isMarker(text, kind: kind, below: below) { return true }
            if let identity = WrittenFiles.writtenIdentity(text, kind: kind, in: listed, of: written) {
                listedFiles.append((bytes, written.identitiesKnown ? identity : nil))
            } else {
                left.add(WrittenFiles.display(prefix + bytes))
            }
            return true
        }
        // Not read to its end: what was not seen may be anything.
        if !read { left.add(String(decoding: below, as: UTF8.self) + " (" + errnoText() + ")") }
        // Removed once the folder is read: unlinking while reading could make it skip an entry. A file
        // edited since its build wrote it is the editor's now: each is looked at just before it goes,
        // so that an edit made while the folder was read is seen too.
        for file in listedFiles {
            let removed = Folder.withCString(file.name) { name -> Bool in
                if let identity = file.identity, !isAsWritten(name, in: fd, identity: identity) { return false }
                return unlinkat(fd, name, 0) == 0 || errno == ENOENT
            }
            if !removed { left.add(WrittenFiles.display(prefix + file.name)) }
        }
        // A build killed while it looked at the time leaves its probe folder: empty, it goes; anything
        // in it is someone's, and it stays.
        for probe in probes where Folder.withCString(probe, { unlinkat(fd, $0, AT_REMOVEDIR) }) != 0 && errno != ENOENT {
            left.add(WrittenFiles.displayFolder(prefix + probe))
        }
        return folders
    }

    /// Whether the file `name` in the folder open at `fd` is as its build wrote it: its identity
    /// (size, time of modification, inode, mode) is `identity`. True when the file is gone.
    private static func isAsWritten(_ name: UnsafePointer<CChar>, in fd: Int32, identity: Int) -> Bool {
        var info = stat()
        guard fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return errno == ENOENT }
        return OutputTree.identity(info) == identity
    }

    /// Removes what the list names below the folder `name` in the folder open at `parent`, then the
    /// folder if it is empty, on this thread, deepest folders first.
    private static func removeBelow(_ parent: Int32, _ name: [UInt8], below: [UInt8], named: Bool, written: PlacedFiles, left: inout Left) {
        struct Frame {
            let fd: Int32
            let name: [UInt8]
            let below: [UInt8]
            let named: Bool
            var folders: [[UInt8]]
        }
        func enter(_ name: [UInt8], in parent: Int32, below: [UInt8], named: Bool, left: inout Left) -> Frame? {
            let fd = Folder.openFolder(name, in: parent)
            guard fd >= 0 else {
                // Not a folder any more (a link put in its place), or not to be opened: kept.
                left.add(String(decoding: below, as: UTF8.self))
                return nil
            }
            let folders = entries(of: fd, below: below, named: named, written: written, left: &left)
            return Frame(fd: fd, name: name, below: below, named: named, folders: folders)
        }
        let isNamed = named && String(validating: name, as: UTF8.self) != nil
        guard let first = enter(name, in: parent, below: below, named: isNamed, left: &left) else { return }
        var stack = [first]
        while var frame = stack.popLast() {
            if let child = frame.folders.popLast() {
                stack.append(frame)
                let path = frame.below + [UInt8(ascii: "/")] + child
                if stack.count >= deepest {
                    left.add(String(decoding: path, as: UTF8.self))
                } else if let opened = enter(child, in: frame.fd, below: path,
                                             named: frame.named && String(validating: child, as: UTF8.self) != nil, left: &left) {
                    stack.append(opened)
                }
                continue
            }
            close(frame.fd)
            removeIfEmpty(stack.last?.fd ?? parent, frame.name)
        }
    }

    /// Removes the folder `name` in the folder open at `parent` if it is empty (a folder that is not
    /// holds what was counted as left).
    private static func removeIfEmpty(_ parent: Int32, _ name: [UInt8]) {
        _ = Folder.withCString(name) { unlinkat(parent, $0, AT_REMOVEDIR) }
    }
}
