import Dispatch
import Foundation

/// `pages 1200/5000` on one line of a terminal, redrawn in place with a carriage return while a
/// build works and wiped when it ends. Nothing is drawn for work that ends within `delay` (a
/// second), nor more often than ten times a second. Pages finish on every core, so each call
/// takes a lock.
package final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let write: @Sendable (String) -> Void
    private let now: @Sendable () -> Double
    private let delay: Double
    private let label: @Sendable (Int, Int) -> String
    private var started: Double
    private var done = 0
    private var total = 0
    private var lastDrawn = -Double.infinity
    /// The cells of the text on screen, to wipe it with as many spaces.
    private var shown = 0

    /// `write` receives the bytes for the terminal (stderr); `label` makes the text from pages done
    /// and the total; `now` is a clock in seconds.
    package init(delay: Double = 1, label: @escaping @Sendable (Int, Int) -> String,
                now: @escaping @Sendable () -> Double = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 },
                write: @escaping @Sendable (String) -> Void) {
        self.delay = delay
        self.label = label
        self.now = now
        self.write = write
        started = now()
    }

    /// Adds `count` pages to the work to do.
    package func begin(_ count: Int) {
        lock.withLock { total += count }
    }

    /// One page is done.
    package func advance() {
        lock.withLock {
            done += 1
            let t = now()
            guard t - started >= delay, t - lastDrawn >= 0.1 || done == total else { return }
            lastDrawn = t
            let text = label(done, total)
            let width = text.unicodeScalars.reduce(0) { $0 + SourceLineDisplay.width($1) }
            write("\r" + text + String(repeating: " ", count: max(0, shown - width)))
            shown = max(shown, width)
        }
    }

    /// Wipes the line, if anything was drawn, so what follows starts on a clean line.
    package func finish() {
        lock.withLock {
            if shown > 0 { write("\r" + String(repeating: " ", count: shown) + "\r") }
            shown = 0
        }
    }
}
