import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A deliberately tiny, blocking HTTP/1.1 client for the harness's own
/// calls to 127.0.0.1 (moto's admin API, its bootstrap, the fault proxy's
/// control port). It is independent of PCHTTP on purpose: the harness must
/// keep working while the client under test is broken.
enum LoopbackHTTP {
    struct Response: Sendable {
        var status: Int
        var headers: [(name: String, value: String)]
        var body: [UInt8]

        var text: String { String(decoding: body, as: UTF8.self) }

        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    /// Sends one request on a fresh connection (`Connection: close`) and
    /// reads the whole reply. `headers` are sent in order after `Host`
    /// (unless given) and before `Content-Length`.
    static func send(
        port: Int, method: String, path: String, headers: [(String, String)] = [], body: [UInt8] = [],
        timeout: Double = 10
    ) throws(HarnessError) -> Response {
        let socket = try connect(port: port, timeout: timeout)
        defer { close(socket) }
        var head = "\(method) \(path) HTTP/1.1\r\n"
        if !headers.contains(where: { $0.0.lowercased() == "host" }) { head += "Host: 127.0.0.1:\(port)\r\n" }
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        try write(Array(head.utf8) + body, to: socket, what: "\(method) \(path)")
        return try parse(try readToEnd(socket, what: "\(method) \(path)"), what: "\(method) \(path)")
    }

    private static func connect(port: Int, timeout: Double) throws(HarnessError) -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw HarnessError("Could not create a socket: errno \(errno).") }
        var time = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - Double(Int(timeout))) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            let code = errno
            close(fd)
            throw HarnessError("Could not connect to 127.0.0.1:\(port): \(String(cString: strerror(code))).")
        }
        return fd
    }

    private static func write(_ bytes: [UInt8], to fd: Int32, what: String) throws(HarnessError) {
        var offset = 0
        while offset < bytes.count {
            // MSG_NOSIGNAL: a peer that hangs up must give an error, not a
            // SIGPIPE that kills the whole test process.
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent < 0 {
                if errno == EINTR { continue }
                throw HarnessError("Sending \(what) to the loopback server failed: \(String(cString: strerror(errno))).")
            }
            offset += sent
        }
    }

    private static func readToEnd(_ fd: Int32, what: String) throws(HarnessError) -> [UInt8] {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count == 0 { return data }
            if count < 0 {
                if errno == EINTR { continue }
                let reason = errno == EAGAIN || errno == EWOULDBLOCK ? "timed out" : String(cString: strerror(errno))
                throw HarnessError("Reading the reply to \(what) from the loopback server failed: \(reason).")
            }
            data.append(contentsOf: buffer[0..<count])
        }
    }

    private static func parse(_ data: [UInt8], what: String) throws(HarnessError) -> Response {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = data.firstRange(of: separator) else {
            throw HarnessError("The loopback server's reply to \(what) has no complete header (\(data.count) bytes).")
        }
        let lines = String(decoding: data[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ", maxSplits: 2)
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            throw HarnessError("The loopback server's reply to \(what) has a malformed status line: \(lines[0])")
        }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        var body = Array(data[end.upperBound...])
        let response = Response(status: status, headers: headers, body: body)
        if response.header("Transfer-Encoding")?.lowercased() == "chunked" {
            body = try dechunk(body, what: what)
        } else if let length = response.header("Content-Length").flatMap(Int.init), length < body.count {
            body = Array(body[..<length])
        }
        return Response(status: status, headers: headers, body: body)
    }

    private static func dechunk(_ data: [UInt8], what: String) throws(HarnessError) -> [UInt8] {
        var result: [UInt8] = []
        var index = 0
        while index < data.count {
            guard let lineEnd = data[index...].firstRange(of: [13, 10]) else { break }
            let sizeText = String(decoding: data[index..<lineEnd.lowerBound], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else {
                throw HarnessError("The loopback server's chunked reply to \(what) is malformed.")
            }
            if size == 0 { break }
            let start = lineEnd.upperBound
            guard start + size <= data.count else {
                throw HarnessError("The loopback server's chunked reply to \(what) is truncated.")
            }
            result.append(contentsOf: data[start..<start + size])
            index = start + size + 2
        }
        return result
    }
}
