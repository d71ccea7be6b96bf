import Foundation

/// A walk of a tree of folders, depth first, on the calling thread. Each folder is opened from the one
/// holding it, by its name alone and never through a link (`O_NOFOLLOW`), and held open while the
/// folders in it are walked, ``holding()`` at most; a folder deeper than that is opened by its path
/// from the top, a name at a time (``Folder/openFolder(_:in:)``). A walk so holds as many descriptors
/// as the tree is deep, never one per folder waiting its turn (which ran out of them at a thousand
/// page folders), and opens each folder once (opening each by its path from the top took three or four
/// opens a folder: half of what a walk of a site cost). A walk that runs out of descriptors lets go of
/// the folders it holds and goes on holding none, as it did before, rather than fail.
package enum FolderWalk {
    /// How a walk ended.
    package enum End: Equatable, Sendable {
        /// Every folder was visited.
        case done
        /// `stopped` said so.
        case stopped
        /// A visit ended it (and knows why).
        case ended
        /// A folder could not be opened: its path below the top and the error.
        case unopened(path: [UInt8], error: Int32)
    }

    /// How many folders a walk holds open at most: 32, or a sixteenth of the descriptors this process may
    /// still open when that is less (each core may walk, and the program holds folders of its own open);
    /// none when fewer than 256 are free, where walks go one at a time (``map(_:holding:_:)``) holding
    /// only the folder they read, as the program's other threads need the few there are. Counted from
    /// what is open now, not from the limit alone: near its limit, two walks each holding a sixteenth
    /// of it ran out, and the one that let go of its folders found none free still.
    package static func holding() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 0 }
        // Where the system does not list them (no /proc), the limit alone.
        let open = Folder.entries("/proc/self/fd").count
        let free = Int(min(limit.rlim_cur, 1 << 20)) - open
        guard free >= 256 else { return 0 }
        return min(32, free / 16)
    }

    /// `body` of each item, on every core when walks may hold folders open (`holding` above 0), else
    /// one after the other on this thread.
    package static func map<T: Sendable, R>(_ items: [T], holding: Int, _ body: @Sendable (T) -> R) -> [R] {
        holding > 0 ? Parallel.map(items, body) : items.map(body)
    }

    /// Walks the folder `name` in the folder open at `parent` (-1: opened by its path `below` the top,
    /// which is open at `top`) and every folder below it. `visit` is given each folder open (the descriptor is the walk's
    /// to close) with its path below the top, and returns the names of the folders in it to walk next,
    /// or nil to end the walk.
    package static func walk(_ name: [UInt8], in parent: Int32, below: [UInt8], top: Int32, holding: Int,
                             stopped: () -> Bool = { false }, visit: (Int32, [UInt8]) -> [[UInt8]]?) -> End {
        struct Frame {
            /// -1 when not held open (deeper than `holding`, or let go for want of descriptors).
            var fd: Int32
            let below: [UInt8]
            var folders: [[UInt8]]
        }
        var end = End.done
        var holding = holding
        var stack: [Frame] = []
        func enter(_ name: [UInt8], from parent: Int32, below path: [UInt8]) -> Frame? {
            var fd = parent >= 0 ? Folder.openFolder(name, in: parent) : Folder.openFolder(path, in: top)
            // Out of descriptors (other threads hold theirs too): the folders held are let go, none is held
            // from then on, and the folder is opened by its path, as a walk holding nothing would.
            if fd < 0 && (errno == EMFILE || errno == ENFILE) && (holding > 0 || stack.contains { $0.fd >= 0 }) {
                for i in stack.indices where stack[i].fd >= 0 {
                    close(stack[i].fd)
                    stack[i].fd = -1
                }
                holding = 0
                fd = Folder.openFolder(path, in: top)
            }
            guard fd >= 0 else {
                end = .unopened(path: path, error: errno)
                return nil
            }
            let held = stack.count < holding
            let folders = visit(fd, path)
            if folders == nil { end = .ended }
            if folders == nil || !held { close(fd) }
            return folders.map { Frame(fd: held ? fd : -1, below: path, folders: $0) }
        }
        guard let first = enter(name, from: parent, below: below) else { return end }
        stack = [first]
        while let last = stack.indices.last {
            if stopped() {
                end = .stopped
                break
            }
            guard let child = stack[last].folders.popLast() else {
                if stack[last].fd >= 0 { close(stack[last].fd) }
                stack.removeLast()
                continue
            }
            guard let opened = enter(child, from: stack[last].fd, below: stack[last].below + [UInt8(ascii: "/")] + child) else { break }
            stack.append(opened)
        }
        for frame in stack where frame.fd >= 0 { close(frame.fd) }
        return end
    }
}
