#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard input a line at a time, for prompts (`force-unlock`'s
/// confirmation) and `console`.
///
/// `Terminal` hands over standard input whole, which suits a pipe or a
/// test; a person at a terminal answers one line at a time and must not
/// have to press Ctrl-D first. So when both standard input and the
/// terminal's output are terminals, lines are read from the process's
/// standard input as they are typed; otherwise from the terminal's input.
final class LineInput {
    /// Whether a person is typing: prompts are shown and answered live.
    let isInteractive: Bool
    private let terminal: Terminal
    private var buffered: [UInt8]?
    private var position = 0

    init(terminal: Terminal) {
        self.terminal = terminal
        self.isInteractive = terminal.standardOutput.isTerminal && isatty(0) == 1
    }

    /// The next line without its line ending, or nil at the end of input
    /// (or when it cannot be read).
    func nextLine() -> String? {
        if isInteractive {
            terminal.flush()
            return readLine(strippingNewline: true)
        }
        if buffered == nil {
            switch terminal.readStandardInput() {
            case .success(let bytes): buffered = bytes
            case .failure: buffered = []
            }
        }
        let bytes = buffered!
        guard position < bytes.count else { return nil }
        var end = position
        while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
        var line = bytes[position..<end]
        position = end + 1
        if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
        return String(decoding: line, as: UTF8.self)
    }
}
