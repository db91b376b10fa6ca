#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One output stream of a command: a file descriptor, buffered, or memory
/// that a test reads back.
///
/// Commands write only through this, so the same code path runs in a
/// terminal and in tests. Writes are buffered and flushed at 64 KiB and when
/// the command ends, so printing ten thousand file names is ten system calls,
/// not ten thousand.
public final class TerminalOutput: TextOutputStream {
    /// Whether the stream is a terminal, which decides colour and wrapping.
    public let isTerminal: Bool
    private let descriptor: Int32?
    private var buffer: [UInt8] = []
    private var captured: [UInt8] = []

    /// A stream that writes to a file descriptor.
    public init(descriptor: Int32) {
        self.descriptor = descriptor
        self.isTerminal = isatty(descriptor) == 1
    }

    /// A stream that keeps everything written, for tests.
    public init(capturingAsTerminal isTerminal: Bool = false) {
        self.descriptor = nil
        self.isTerminal = isTerminal
    }

    public func write(_ string: String) {
        var string = string
        string.withUTF8 { write(bytes: $0) }
    }

    public func write(bytes: some Collection<UInt8>) {
        guard descriptor != nil else {
            captured.append(contentsOf: bytes)
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Everything written so far, for a capturing stream.
    public var capturedBytes: [UInt8] { captured }
    public var capturedText: String { String(decoding: captured, as: UTF8.self) }

    public func flush() {
        guard let descriptor, !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = systemWrite(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    // A closed pipe (`pcplan fmt | head`) is not worth a crash;
                    // the rest of the output has nowhere to go.
                    break
                }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    deinit { flush() }
}

private func systemWrite(_ descriptor: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.write(descriptor, pointer, count)
    #else
    return Darwin.write(descriptor, pointer, count)
    #endif
}
