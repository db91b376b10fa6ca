import Foundation
import PCHTTP
#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP/1.1 server for the client's tests: POSIX sockets on 127.0.0.1, a free port, an
/// accept thread and one thread per connection. It records every request and answers as the
/// test's handler says. `stop()` ends every thread it started; call it in a `defer`.
final class LoopbackServer: @unchecked Sendable {
    // Safe because `lock` guards `received`, `accepted` and `stopping`; each client socket is used
    // only by the thread serving it, and `listener` only by the accept thread until `stop()`.

    /// A request as it arrived on the wire.
    struct Request: Sendable {
        var requestLine: String
        var headers: [HTTPHeader]
        var body: [UInt8]
        /// Which accepted connection carried it, from 1.
        var connection: Int

        var method: String { String(requestLine.split(separator: " ").first ?? "") }
        var target: String { requestLine.split(separator: " ").dropFirst().first.map(String.init) ?? "" }
        func values(_ name: String) -> [String] {
            headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
        }
    }

    enum Reply: Sendable {
        /// A response with `Content-Length`; the body is left out for HEAD. The connection stays open
        /// for the next request unless `close`. `interim` sends a `100 Continue` with a header first.
        case respond(status: Int, headers: [String], body: [UInt8], delay: Double, close: Bool, interim: Bool)
        /// These bytes verbatim, then close.
        case raw([UInt8])
        /// Never answer; hold the connection until the client gives up.
        case stall

        static func ok(_ body: String = "", headers: [String] = [], delay: Double = 0, close: Bool = false) -> Reply {
            .respond(status: 200, headers: headers, body: Array(body.utf8), delay: delay, close: close, interim: false)
        }
    }

    typealias Handler = @Sendable (Request) -> Reply

    let port: Int
    private let listener: Int32
    private let handler: Handler?
    private let greeting: [UInt8]?
    private let lock = NSLock()
    private var received: [Request] = []
    private var accepted = 0
    private var stopping = false
    private let threads = DispatchGroup()

    /// Answers each request with `handler`.
    convenience init(_ handler: @escaping Handler) throws {
        try self.init(handler: handler, greeting: nil)
    }

    /// Not HTTP at all: writes `bytes` as soon as the client has sent something, then waits for it
    /// to hang up (a TLS client gets a reply that is not TLS).
    convenience init(sendingOnConnect bytes: [UInt8]) throws {
        try self.init(handler: nil, greeting: bytes)
    }

    private init(handler: Handler?, greeting: [UInt8]?) throws {
        self.handler = handler
        self.greeting = greeting
        (listener, port) = try Self.listen()
        threads.enter()
        Thread { [self] in
            acceptLoop()
            threads.leave()
        }.start()
    }

    var requests: [Request] { lock.withLock { received } }
    var acceptedConnections: Int { lock.withLock { accepted } }
    private var isStopping: Bool { lock.withLock { stopping } }

    func url(_ pathAndQuery: String) -> String { "http://127.0.0.1:\(port)\(pathAndQuery)" }

    func stop() {
        lock.withLock { stopping = true }
        _ = threads.wait(timeout: .now() + 10)
        close(listener)
    }

    /// Binds 127.0.0.1 on a port the kernel picks.
    static func listen() throws -> (Int32, Int) {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketFD >= 0 else { throw ServerError("socket() failed: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(socketFD, generic, length) == 0 && Glibc.listen(socketFD, 128) == 0
                    && getsockname(socketFD, generic, &length) == 0
            }
        }
        guard bound else {
            close(socketFD)
            throw ServerError("cannot listen on 127.0.0.1: errno \(errno)")
        }
        return (socketFD, Int(UInt16(bigEndian: address.sin_port)))
    }

    private func acceptLoop() {
        while !isStopping {
            guard Self.waitReadable(listener) else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            let number = lock.withLock { accepted += 1; return accepted }
            threads.enter()
            Thread { [self] in
                serve(client, connection: number)
                close(client)
                threads.leave()
            }.start()
        }
    }

    private func serve(_ client: Int32, connection: Int) {
        if let greeting {
            guard readSome(client) != nil else { return }
            write(client, greeting)
            while readSome(client) != nil {}
            return
        }
        var buffer: [UInt8] = []
        while let request = readRequest(client, &buffer, connection: connection) {
            lock.withLock { received.append(request) }
            switch handler?(request) ?? .stall {
            case .stall:
                while readSome(client) != nil {}
                return
            case .raw(let bytes):
                write(client, bytes)
                return
            case let .respond(status, headers, body, delay, closing, interim):
                if delay > 0 { Thread.sleep(forTimeInterval: delay) }
                if interim { write(client, Array("HTTP/1.1 100 Continue\r\nX-Interim: yes\r\n\r\n".utf8)) }
                var head = "HTTP/1.1 \(status) Status\r\n"
                for line in headers { head += line + "\r\n" }
                head += "Content-Length: \(body.count)\r\n"
                if closing { head += "Connection: close\r\n" }
                write(client, Array((head + "\r\n").utf8) + (request.method == "HEAD" ? [] : body))
                if closing { return }
            }
        }
    }

    private func readRequest(_ client: Int32, _ buffer: inout [UInt8], connection: Int) -> Request? {
        var headEnd = Self.endOfHead(buffer)
        while headEnd == nil {
            guard let more = readSome(client) else { return nil }
            buffer += more
            headEnd = Self.endOfHead(buffer)
        }
        guard let headEnd else { return nil }
        let lines = String(decoding: buffer[..<headEnd], as: UTF8.self)
            .components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let headers = lines.dropFirst().map { line -> HTTPHeader in
            let parts = line.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            return HTTPHeader(String(parts[0]), parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : "")
        }
        let length = headers.first { $0.name.lowercased() == "content-length" }.flatMap { Int($0.value) } ?? 0
        while buffer.count < headEnd + 4 + length {
            guard let more = readSome(client) else { return nil }
            buffer += more
        }
        let body = Array(buffer[(headEnd + 4)..<(headEnd + 4 + length)])
        buffer.removeFirst(headEnd + 4 + length)
        return Request(requestLine: lines.first ?? "", headers: Array(headers), body: body, connection: connection)
    }

    private static func endOfHead(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        return (0...(bytes.count - 4)).first { bytes[$0] == 13 && bytes[$0 + 1] == 10 && bytes[$0 + 2] == 13 && bytes[$0 + 3] == 10 }
    }

    /// Some bytes, or nil when the peer hung up or the server is stopping.
    private func readSome(_ client: Int32) -> [UInt8]? {
        while !isStopping {
            guard Self.waitReadable(client) else { continue }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = recv(client, &chunk, chunk.count, 0)
            return count > 0 ? Array(chunk[..<count]) : nil
        }
        return nil
    }

    private func write(_ client: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            // MSG_NOSIGNAL: a client that already hung up must not kill the test process with SIGPIPE.
            let sent = bytes[offset...].withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { return }
            offset += sent
        }
    }

    /// Waits up to 50 ms, so loops notice `stop()` quickly.
    private static func waitReadable(_ socketFD: Int32) -> Bool {
        var descriptor = pollfd(fd: socketFD, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 50) > 0
    }
}

struct ServerError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
