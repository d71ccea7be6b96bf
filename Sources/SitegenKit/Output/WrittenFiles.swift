import CPosix
import Foundation
import SitegenCore

/// The path of every file the build that published an output wrote, kept beside it (`.site.files` for
/// `site/`): what the files found in the published folder are compared with before a build replaces
/// it, so that a file put there since (`site/.git`, notes) is never lost with it, even when as many
/// published files went at the same time; and what is removed of the folder once it is replaced
/// (``ListedRemoval``): only the files on its list.
///
/// A list names the folder it describes by its inode, which a rename keeps: a build killed while it
/// swaps one site for the next leaves two folders and their lists (`.site.files.old-<inode>` and
/// `.site.files.new-<inode>` beside `.site.files`), and each folder finds its own list again
/// (``OutputTree/removeLeftovers(of:)``). A published folder holding files with no list beside it
/// (removed, damaged, or written by an older sitegen) cannot be told apart from one holding a user's
/// files, and is not replaced without `--force`.
enum WrittenFiles {
    static let header = "sitegen written files 3"
    /// The second form, whose lines are paths without their files' identities: its files are known by
    /// their paths alone (``PlacedFiles/identitiesKnown``).
    static let secondHeader = "sitegen written files 2"
    /// The first form, whose lines are paths as they are (a line break in a name broke it), and which
    /// names no folder.
    static let firstHeader = "sitegen written files 1"
    /// What `--force` writes for the folder it swaps out, in place of a list: no files, but when the
    /// build started. The folder goes whole but for what changed at that time or later, and a build
    /// killed before it was removed leaves it to be found with this (``OutputTree/removeLeftovers(of:)``).
    static let forcedHeader = "sitegen written files forced"
    /// The record of a site kept for the next build to write into (``SpareTree``): the lines of the third
    /// form, after `since` and `live` lines (``List/spare``).
    static let spareHeader = "sitegen written files spare"
    /// How many hexadecimal digits a file's identity takes at the start of its line (then a space).
    static let identityDigits = 16
    /// The two digits each byte of an identity is written with (the first in the high half).
    private static let hexPairs: [UInt16] = {
        let digits = Array("0123456789abcdef".utf8)
        return (0..<256).map { UInt16(digits[$0 >> 4]) << 8 | UInt16(digits[$0 & 0xF]) }
    }()

    /// A list read back: the inode of the folder it describes (none in the first form) and its files;
    /// or, written by `--force` (``forcedHeader``), when that build started and no files.
    struct List: Sendable {
        var folder: UInt64?
        var files: PlacedFiles
        var forcedSince: timespec? = nil
        /// Of a spare's record (``spareHeader``): when the look that found the folder as listed began,
        /// and the identity of the list of the site it was kept beside (``SpareTree``).
        var spare: (since: timespec, live: Int)? = nil
        /// The file it was read from as it was then (``stamp(_:)``): a later read of that file while it
        /// is still the same takes this list as it is (``read(_:unlessStill:)``).
        var stamp: Int? = nil
    }

    /// The list's file for an output folder: `.site.files` beside `site/`.
    static func path(for destination: String) -> String {
        OutputTree.besideOutput(destination, suffix: ".files")
    }

    /// The list of the folder being swapped in, written before the swap: `.site.files.new-<inode>`.
    static func incomingPath(for destination: String, folder: UInt64) -> String { path(for: destination) + ".new-" + String(folder) }

    /// The list of the folder swapped out, written before the swap with the inode the folder has then
    /// (whatever the list it had said: a copied project's names another) and kept until what it names
    /// is removed: `.site.files.old-<inode>`. Named by the inode, a list never takes the name of
    /// another that still describes a folder (a leftover of a build killed in its swap).
    static func outgoingPath(for destination: String, folder: UInt64) -> String { path(for: destination) + ".old-" + String(folder) }

    /// The names the lists of a swap begin with (``incomingPath(for:folder:)``, ``outgoingPath(for:folder:)``),
    /// a folder's number following: `.site.files.new-`, `.site.files.old-`.
    static func swapListPrefixes(of destination: String) -> [String] {
        [".new-", ".old-"].map { OutputTree.name(of: path(for: destination)) + $0 }
    }

    /// The lists beside `destination` other than its own (those of swaps: incoming and outgoing).
    static func swapLists(of destination: String) -> [String] {
        let own = OutputTree.name(of: path(for: destination))
        let parent = (destination as NSString).deletingLastPathComponent
        let prefixes = swapListPrefixes(of: destination)
        return Folder.entries(parent.isEmpty ? "." : parent)
            .filter { name in prefixes.contains { name.hasPrefix($0) && OutputTree.isNumber(name.dropFirst($0.count)) } }
            .map { path(for: destination) + String($0.dropFirst(own.count)) }
    }

    /// The lists of a swap beside `destination` named by the inode `folder`, read or not.
    static func swapLists(of destination: String, folder: UInt64) -> [String] {
        [incomingPath(for: destination, folder: folder), outgoingPath(for: destination, folder: folder)].filter {
            var info = stat()
            return lstat($0, &info) == 0
        }
    }

    /// Writes to `file` the list of the folder whose inode is `folder`: the header, `folder` and the
    /// inode, the files one to a line (each its identity, ``OutputTree/identity(_:)``, in 16 hexadecimal
    /// digits, a space and its path), then the SHA-256 of what comes before it. A backslash and a line
    /// break in a name are written `\\` and `\n`, so that any name a file can have is one line. False
    /// when it could not be written whole (there is then no file). Files whose identities are not
    /// known (a list read back from the second form) are written in that form, paths alone.
    ///
    /// The identities are what lets a removal tell a file the build wrote from one edited since
    /// (``ListedRemoval``): the edit is kept, not lost with the folder.
    ///
    /// The files are written in their order (``PlacedFiles/forEachFile(in:_:)``, `order` when given), a
    /// buffer of lines at a time, digested as they go: a big site's list is tens of megabytes (made whole,
    /// it was the peak of a 30,000-page build's memory), and its paths are not made again as strings to
    /// write it. `/` is never escaped, so a folder and a name escaped apart are the path escaped whole.
    @discardableResult
    static func write(_ files: PlacedFiles, folder: UInt64, to file: String, in order: PlacedFiles.Order? = nil,
                      spare: (since: timespec, live: Int)? = nil) -> Bool {
        OutputTree.replaceFile(file) { fd in
            let digest = SHA256Stream()
            let stamped = files.identitiesKnown || spare != nil
            var text = Array(((spare != nil ? spareHeader : stamped ? header : secondHeader) + "\nfolder " + String(folder) + "\n").utf8)
            if let spare {
                text += Array(("since " + String(spare.since.tv_sec) + " " + String(spare.since.tv_nsec) + "\nlive " + String(spare.live) + "\n").utf8)
            }
            text.reserveCapacity(1 << 16 + 4096)
            var written = true
            func flush() {
                digest.update(text)
                written = written && text.withUnsafeBytes { OutputTree.writeAll(fd, $0) }
                text.removeAll(keepingCapacity: true)
            }
            files.forEachFile(in: order) { folder, name, identity in
                appendLine(folder, name, identity: stamped ? identity : nil, to: &text)
                if text.count >= 1 << 16 { flush() }
            }
            flush()
            text = Array((digest.hex() + "\n").utf8)
            return written && text.withUnsafeBytes { OutputTree.writeAll(fd, $0) }
        }
    }

    /// Writes to `file` what `--force` says of the folder whose inode is `folder`, which it swaps out:
    /// the build started at `since` (``forcedHeader``). False when it could not be written whole.
    static func writeForced(folder: UInt64, since: timespec, to file: String) -> Bool {
        OutputTree.replaceFile(file) { fd in
            var text = forcedHeader + "\nfolder " + String(folder) + "\nsince " + String(since.tv_sec) + " " + String(since.tv_nsec) + "\n"
            text += SHA256Digest.hex(Array(text.utf8)) + "\n"
            return Array(text.utf8).withUnsafeBytes { OutputTree.writeAll(fd, $0) }
        }
    }

    /// Writes `list` again, in this form, for the folder whose inode is `folder`.
    static func write(_ list: List, folder: UInt64, to file: String) -> Bool { write(list.files, folder: folder, to: file) }

    /// The list beside `destination` (paths compared as bytes), nil when there is none or it is not
    /// whole.
    static func read(for destination: String) -> PlacedFiles? { readWithIdentities(for: destination).list?.files }

    /// The list beside `destination`, its files with their identities. A list of an older form names
    /// paths alone (a site published by an older sitegen): while the folder is exactly as its build left
    /// it (``BuildRecord/unchangedListing(of:)``), its files' identities are those they have now, and a
    /// later edit is seen as with a list of this form. When it is not, the list is given with none, and
    /// `changed` is true: an edit made there since cannot be told from a file as the build wrote it.
    /// `known`: a list read of it earlier, taken as it is while the file is still the one it was read from.
    static func readWithIdentities(for destination: String, known: List? = nil) -> (list: List?, changed: Bool) {
        // What `--force` wrote of a folder it swapped out names no files: no list of this one.
        guard let list = read(path(for: destination), unlessStill: known), list.forcedSince == nil, list.spare == nil else { return (nil, false) }
        if list.files.identitiesKnown { return (list, false) }
        guard let files = BuildRecord.unchangedListing(of: destination) else { return (list, true) }
        return (List(folder: list.folder, files: files), false)
    }

    /// The list in `file`, nil when there is none or it is not whole. Only a regular file is read, and
    /// never through a link. `known`, a list read of it before, is the answer while the file is still
    /// the one it was read from: a big site's list is read as a build starts and again as it ends.
    static func read(_ file: String, unlessStill known: List? = nil) -> List? {
        // Looked at before it is opened, as ``FileReader`` does: only a regular file is opened.
        var info = stat()
        guard lstat(file, &info) == 0, FileReader.isRegular(info) else { return nil }
        let fd = open(file, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        guard fstat(fd, &info) == 0, FileReader.isRegular(info), info.st_size <= 1 << 30 else { return nil }
        let stamp = Self.stamp(info)
        if let known, known.stamp == stamp { return known }
        guard var list = read(bytes: FileReader.read(descriptor: fd, size: Int(info.st_size), limit: 1 << 30)) else { return nil }
        list.stamp = stamp
        return list
    }

    /// A list file as it is now, as one number: its identity as the build record keeps a file's
    /// (size, time of modification, inode, mode), with its device and its time of change. Any write
    /// to the file, or another file put in its place, moves its time of change, which no one sets by hand.
    static func stamp(_ info: stat) -> Int {
        let changed = Int(info.st_ctim.tv_sec) &* 1_000_000_000 &+ Int(info.st_ctim.tv_nsec)
        let h = SplitMix.mix(SplitMix.mix(UInt64(bitPattern: Int64(OutputTree.identity(info))), UInt64(bitPattern: Int64(changed))),
                             UInt64(info.st_dev))
        return Int(bitPattern: UInt(h))
    }

    /// The list these bytes hold, nil when there are none or they are not a whole list.
    private static func read(bytes: [UInt8]?) -> List? {
        guard let bytes, bytes.count > 65, bytes.last == UInt8(ascii: "\n") else { return nil }
        let body = bytes[..<(bytes.count - 65)]
        let digest = body.withUnsafeBytes { SHA256Digest.hex(SHA256Digest.bytes($0)) }
        guard digest == String(decoding: bytes[(bytes.count - 65)..<(bytes.count - 1)], as: UTF8.self) else { return nil }
        // A list holds UTF-8 alone: checked once for all its lines (an escape and a line break are
        // ASCII, so a line is UTF-8, escaped or not, when the whole is).
        guard body.withUnsafeBytes({ String(validating: $0, as: UTF8.self) }) != nil else { return nil }
        // The lines are read one after another from the file's bytes: a big site's list has hundreds of
        // thousands, and none is kept but as the folder and the name it names.
        var start = body.startIndex
        func nextLine() -> ArraySlice<UInt8>? {
            guard start < body.endIndex, let end = body[start...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            defer { start = end + 1 }
            return body[start..<end]
        }
        let form = nextLine().map { String(decoding: $0, as: UTF8.self) }
        func nextText() -> String { nextLine().map { String(decoding: $0, as: UTF8.self) } ?? "" }
        // `since SECONDS NANOSECONDS`.
        func since() -> timespec? {
            let since = nextText().split(separator: " ", omittingEmptySubsequences: false)
            guard since.count == 3, since[0] == "since", let seconds = Int(since[1]), let nanoseconds = Int(since[2]),
                  (0..<1_000_000_000).contains(nanoseconds) else { return nil }
            return timespec(tv_sec: seconds, tv_nsec: nanoseconds)
        }
        if form == forcedHeader {
            // `folder N`, `since SECONDS NANOSECONDS`, and nothing more.
            let named = nextText()
            guard named.hasPrefix("folder "), let inode = UInt64(named.dropFirst("folder ".count)),
                  let since = since(), start == body.endIndex else { return nil }
            return List(folder: inode, files: PlacedFiles(), forcedSince: since)
        }
        guard form == header || form == secondHeader || form == firstHeader || form == spareHeader else { return nil }
        let stamped = form == header || form == spareHeader
        var folder: UInt64?
        if form != firstHeader {
            let named = nextText()
            guard named.hasPrefix("folder "), let inode = UInt64(named.dropFirst("folder ".count)) else { return nil }
            folder = inode
        }
        var spare: (since: timespec, live: Int)?
        if form == spareHeader {
            // `since SECONDS NANOSECONDS`, `live IDENTITY`, then the files.
            guard let since = since() else { return nil }
            let live = nextText()
            guard live.hasPrefix("live "), let identity = Int(live.dropFirst("live ".count)) else { return nil }
            spare = (since, identity)
        }
        var files = PlacedFiles()
        files.identitiesKnown = stamped
        files.reserveCapacity(body[start...].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) })
        // The lines come folder by folder: a folder's number is looked up once for all its files.
        var last: (folder: ArraySlice<UInt8>, number: UInt32)?
        while var line = nextLine() {
            // The older forms name files, not their identities.
            var identity = 0
            if stamped {
                guard let read = Self.identity(line) else { return nil }
                identity = read
                line = line.dropFirst(identityDigits + 1)
            }
            guard isFilePath(line) else { return nil }
            if folder != nil && line.contains(UInt8(ascii: "\\")) {
                guard let path = unescaped(line) else { return nil }
                files.place(path, identity)
                continue
            }
            let slash = line.lastIndex(of: UInt8(ascii: "/"))
            let inFolder = slash.map { line[..<$0] } ?? []
            if last == nil || last!.folder != inFolder {
                last = (inFolder, files.folderNumber(interning: String(decoding: inFolder, as: UTF8.self)))
            }
            files.add(String(decoding: slash.map { line[($0 + 1)...] } ?? line, as: UTF8.self), in: last!.number, identity)
        }
        // Every line ends with a line break: bytes after the last one are not a list's.
        guard start == body.endIndex else { return nil }
        return List(folder: folder, files: files, spare: spare)
    }

    /// Appends the line of a list for the file `name` in `folder` ("" at the top): its identity (when
    /// given) in 16 lowercase hexadecimal digits and a space, then its path escaped, then a line break.
    static func appendLine(_ folder: String, _ name: String, identity: Int?, to text: inout [UInt8]) {
        if let identity {
            // Two digits a byte, from a table, copied in at once: half a million files a list.
            let value = UInt64(bitPattern: Int64(identity))
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: identityDigits + 1) { digits in
                for i in 0..<(identityDigits / 2) {
                    let pair = Self.hexPairs[Int(value >> UInt64(8 * (identityDigits / 2 - 1 - i)) & 0xFF)]
                    digits[2 * i] = UInt8(truncatingIfNeeded: pair >> 8)
                    digits[2 * i + 1] = UInt8(truncatingIfNeeded: pair)
                }
                digits[identityDigits] = UInt8(ascii: " ")
                text.append(contentsOf: digits)
            }
        }
        if !folder.isEmpty {
            text += escaped(folder).utf8
            text.append(UInt8(ascii: "/"))
        }
        text += escaped(name).utf8
        text.append(UInt8(ascii: "\n"))
    }

    /// The identity at the start of a line of the third form (16 lowercase hexadecimal digits and a
    /// space, as ``write(_:folder:to:in:)`` writes it), nil when the line does not start with one.
    static func identity(_ line: ArraySlice<UInt8>) -> Int? {
        guard line.count > identityDigits, line[line.startIndex + identityDigits] == UInt8(ascii: " ") else { return nil }
        var value: UInt64 = 0
        for byte in line.prefix(identityDigits) {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = value << 4 | UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = value << 4 | UInt64(byte - UInt8(ascii: "a") + 10)
            default: return nil
            }
        }
        return Int(bitPattern: UInt(value))
    }

    /// The inode of the folder at `path` (not followed if a link), nil when it is not a folder.
    static func inode(of path: String) -> UInt64? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return nil }
        return UInt64(info.st_ino)
    }

    /// A path as the list writes it.
    static func escaped(_ path: String) -> String {
        guard path.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\n") }) else { return path }
        var out = ""
        for scalar in path.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A line of the list as the path it stands for; nil when it is not valid UTF-8 or holds an escape
    /// the list does not write.
    static func unescaped(_ line: some Collection<UInt8>) -> String? {
        guard line.contains(UInt8(ascii: "\\")) else { return String(validating: line, as: UTF8.self) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(line.count)
        var escaping = false
        for byte in line {
            if escaping {
                switch byte {
                case UInt8(ascii: "\\"): bytes.append(byte)
                case UInt8(ascii: "n"): bytes.append(UInt8(ascii: "\n"))
                default: return nil
                }
                escaping = false
            } else if byte == UInt8(ascii: "\\") {
                escaping = true
            } else {
                bytes.append(byte)
            }
        }
        return escaping ? nil : String(validating: bytes, as: UTF8.self)
    }

    /// Whether `path` can name a file a build wrote: names joined by single `/`, none empty, `.` or `..`.
    /// A list naming anything else was not written by a build, and is not read: what it names could not
    /// be written back as the same list (`/` is a folder and a name both empty, an empty line).
    static func isFilePath(_ path: String) -> Bool { isFilePath(path.utf8) }

    /// ``isFilePath(_:)`` of a path's bytes (a line of the list, whose escapes never hold `/` or `.`).
    static func isFilePath(_ path: some Collection<UInt8>) -> Bool {
        var length = 0
        var dots = 0
        for byte in path {
            if byte == UInt8(ascii: "/") {
                guard length > 0 && !(length == dots && dots <= 2) else { return false }
                (length, dots) = (0, 0)
            } else {
                length += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return length > 0 && !(length == dots && dots <= 2)
    }

    /// Forgets the lists beside `destination`.
    static func remove(for destination: String) {
        for file in [path(for: destination)] + swapLists(of: destination) { unlink(file) }
    }

    /// Entries a build did not write: how many, and the first three in the order of their paths' bytes,
    /// whatever their number and the order they were found in.
    struct Others: Sendable, Equatable {
        var count = 0
        var named: [String] = []

        mutating func add(_ path: String) {
            count += 1
            named.append(path)
            if named.count > 64 { trim() }
        }

        mutating func add(_ other: Others) {
            count += other.count
            named += other.named
            trim()
        }

        /// Keeps the first three.
        mutating func trim() {
            named.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            if named.count > 3 { named.removeLast(named.count - 3) }
        }
    }

    /// The number in `written` of the folder at `below` (its bytes below the top), for ``isWritten``;
    /// nil when no file of it is listed, or when its path cannot be one a build wrote (`named` false:
    /// a folder above it, or it, has a name that is not UTF-8).
    static func listedFolder(_ below: [UInt8], named: Bool, in written: PlacedFiles) -> UInt32? {
        named ? String(validating: below, as: UTF8.self).flatMap(written.folderNumber) : nil
    }

    /// Whether the entry `name` (nil when not UTF-8) of kind `kind` in the folder numbered `folder`
    /// (``listedFolder``) is one the build wrote: a regular file its list names. A build writes only
    /// regular files, so a link, pipe or socket is always someone else's. What the look counts and
    /// what a removal takes are this one rule.
    static func isWritten(_ name: String?, kind: Int32, in folder: UInt32?, of written: PlacedFiles) -> Bool {
        writtenIdentity(name, kind: kind, in: folder, of: written) != nil
    }

    /// The identity the list gives the entry when it is one the build wrote (``isWritten``), nil when not.
    static func writtenIdentity(_ name: String?, kind: Int32, in folder: UInt32?, of written: PlacedFiles) -> Int? {
        guard kind == DT_REG, let folder, let name else { return nil }
        return written.identity(name, in: folder)
    }

    /// Whether the folder `name` in the folder numbered `parent` (``listedFolder``; nil: none) is one a
    /// build made, and so to be looked into: a folder of a file the list names, or a folder holding one.
    /// Any other is someone else's with all it holds, an empty one too (`mkdir site/mine`): it is
    /// counted, or kept, as one entry.
    static func isListedFolder(_ name: [UInt8], in parent: UInt32?, of written: PlacedFiles) -> Bool {
        parent.flatMap { written.folderNumber(ofChild: name, in: $0) } != nil
    }

    /// How a message names a folder no build made: its path and a slash.
    static func displayFolder(_ path: [UInt8]) -> String { display(path) + "/" }

    /// Whether the entry is the marker at the top of an output (`below` empty), which every build writes.
    static func isMarker(_ name: String?, kind: Int32, below: [UInt8]) -> Bool {
        kind == DT_REG && below.isEmpty && name == OutputFolder.markerName
    }

    /// What a published folder holds besides what its build wrote.
    enum Found: Sendable, Equatable {
        /// Only files its build wrote (or no folder at all).
        case nothingElse
        /// `count` files its build did not write, the first few of them (in the order of their paths) named.
        case others(count: Int, named: [String])
        /// Files, and no list of what its build wrote to tell them by.
        case unlisted
        /// A list of an older form (paths alone), and the folder changed since it was published: a
        /// file edited there cannot be told from one as the build wrote it.
        case changedSinceOlderList
        /// A folder in it (`path`, "." for the top) that could not be read (`error`, an errno): it may
        /// hold anything.
        case unreadable(path: String, error: Int32)
    }

    /// Compares what the folder `destination` holds with the list beside it; nil once `stopped` says so.
    static func check(_ destination: String, stopped: @Sendable () -> Bool = { false }) -> Found? {
        look(at: destination, stopped: stopped).found
    }

    /// The list beside `destination` (``readWithIdentities(for:)``) and what the folder holds besides
    /// what it names (``compare(_:with:stopped:)``); found nil once `stopped` says so.
    /// `known`: the list an earlier look read (``readWithIdentities(for:known:)``).
    static func look(at destination: String, known: List? = nil, stopped: @Sendable () -> Bool = { false }) -> (list: List?, found: Found?) {
        let (written, changed) = readWithIdentities(for: destination, known: known)
        return (written, changed ? .changedSinceOlderList : compare(destination, with: written?.files, stopped: stopped))
    }

    /// Compares what the folder `folder` holds with `written` (nil: no list): every entry (a link, a
    /// pipe, a socket as much as a file) is someone else's unless it is a regular file the list names,
    /// or a folder of one (``isListedFolder(_:in:)``), since only those are removed with the folder
    /// (``ListedRemoval``). A folder no build made is one entry, named with a slash, and not looked
    /// into. Nil once `stopped` says so.
    ///
    /// The top folder and each folder in it are read here; below those, the folders of each are walked
    /// on every core (a site's pages are the folders of its languages and of their bulletins), each
    /// opened from the one holding it and never through a link (``FolderWalk``).
    static func compare(_ folder: String, with written: PlacedFiles?, stopped: @Sendable () -> Bool = { false }) -> Found? {
        let top = open(folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard top >= 0 else { return errno == ENOENT ? .nothingElse : .unreadable(path: ".", error: errno) }
        defer { close(top) }
        var look = Look()
        let holding = FolderWalk.holding()
        let firsts = read(top, below: [], written: written, into: &look) ?? []
        for first in firsts where look.isGoingOn {
            guard !stopped() else { return nil }
            let fd = Folder.openFolder(first, in: top)
            guard fd >= 0 else { return .unreadable(path: display(first), error: errno) }
            let inner = read(fd, below: first, written: written, into: &look) ?? []
            // Holding none, the folders in it are opened by their paths from the top.
            if holding == 0 { close(fd) }
            let parent = holding == 0 ? -1 : fd
            let parts = FolderWalk.map(inner, holding: holding) { name -> Look in
                var part = Look()
                let end = FolderWalk.walk(name, in: parent, below: first + [UInt8(ascii: "/")] + name, top: top, holding: holding,
                                          stopped: stopped) { fd, below in read(fd, below: below, written: written, into: &part) }
                switch end {
                case .done, .ended: break
                case .stopped: part.stopped = true
                case .unopened(let path, let error): part.unreadable = (display(path), error)
                }
                return part
            }
            if holding > 0 { close(fd) }
            for part in parts where look.isGoingOn { look.add(part) }
        }
        if look.stopped || stopped() { return nil }
        if let (path, error) = look.unreadable { return .unreadable(path: path, error: error) }
        guard written != nil else { return look.holdsFiles ? .unlisted : .nothingElse }
        look.others.trim()
        return look.others.count == 0 ? .nothingElse : .others(count: look.others.count, named: look.others.named)
    }

    /// What a look found in part of a folder.
    private struct Look: Sendable {
        var others = Others()
        /// Whether a file is there (any but the marker), for a folder with no list.
        var holdsFiles = false
        /// The folder that could not be read, and why (an errno): the look ends there (it may hold anything).
        var unreadable: (path: String, error: Int32)?
        var stopped = false

        var isGoingOn: Bool { unreadable == nil && !stopped }

        mutating func add(_ other: Look) {
            others.add(other.others)
            holdsFiles = holdsFiles || other.holdsFiles
            unreadable = unreadable ?? other.unreadable
            stopped = stopped || other.stopped
        }
    }

    /// Reads the folder open at `fd` (its path `below` the top), counting in `look` what its build did not
    /// write, and returns the names of the folders in it; nil, with the reason in `look`, when it cannot
    /// be read to its end.
    private static func read(_ fd: Int32, below: [UInt8], written: PlacedFiles?, into look: inout Look) -> [[UInt8]]? {
        let prefix = below.isEmpty ? [] : below + [UInt8(ascii: "/")]
        // The folder's number in the list, once for all its files (none for a path that is not UTF-8,
        // which no build writes).
        let listed = written.flatMap { Self.listedFolder(below, named: true, in: $0) }
        var folders: [[UInt8]] = []
        var failure: Int32?
        let read = Folder.forEachEntry(in: fd) { name, kind in
            guard let kind = Folder.kind(kind, of: name, in: fd) else {
                failure = errno
                return false
            }
            // The name's bytes, made only for a folder to look into or an entry to name.
            let bytes = { Array(UnsafeRawBufferPointer(start: name, count: strlen(name))) }
            if kind == DT_DIR {
                if let written, !Self.isListedFolder(bytes(), in: listed, of: written) {
                    look.holdsFiles = true
                    look.others.add(displayFolder(prefix + bytes()))
                } else {
                    folders.append(bytes())
                }
                return true
            }
            let text = String(validatingCString: name)
            if Self.isMarker(text, kind: kind, below: below) { return true }
            look.holdsFiles = true
            guard let written else { return true }
            if !Self.isWritten(text, kind: kind, in: listed, of: written) { look.others.add(display(prefix + bytes())) }
            return true
        }
        guard read else {
            look.unreadable = (display(below), failure ?? errno)
            return nil
        }
        return folders
    }

    /// A path's bytes as a message shows them (a byte that is not UTF-8 as U+FFFD).
    static func display(_ bytes: [UInt8]) -> String {
        bytes.isEmpty ? "." : String(decoding: bytes, as: UTF8.self)
    }
}
