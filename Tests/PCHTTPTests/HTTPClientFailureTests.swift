import Foundation
import PCHTTP
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite struct HTTPClientFailureTests {
    /// Marks that must never show up in an error: a credential-like header and a body.
    static let secretHeaders = [HTTPHeader("Authorization", "Signature=SECRET-HEADER-1234")]
    static let secretBody = Array("SECRET-BODY-5678".utf8)

    func expectNoSecrets(_ error: HTTPError) {
        #expect(!error.message.contains("SECRET"))
    }

    @Test func aRefusedConnectionIsCouldNotConnectAndNothingWasSent() throws {
        // Bound but not listening: the kernel refuses connections, and the port stays ours.
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socketFD) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socketFD, $0, length) == 0 && getsockname(socketFD, $0, &length) == 0
            }
        }
        try #require(bound)
        let port = Int(UInt16(bigEndian: address.sin_port))

        let error = try sendExpectingError(makeClient(), HTTPRequest(
            method: "POST", url: "http://127.0.0.1:\(port)/x", headers: Self.secretHeaders, body: Self.secretBody))
        #expect(error.kind == .couldNotConnect)
        #expect(error.requestMayHaveBeenSent == false)
        #expect(error.message.contains("127.0.0.1:\(port)"))
        expectNoSecrets(error)
    }

    @Test func anUnknownHostIsCouldNotConnect() throws {
        let error = try sendExpectingError(makeClient(), HTTPRequest(method: "GET", url: "http://pcplan-test.invalid/"))
        #expect(error.kind == .couldNotConnect)
        #expect(error.requestMayHaveBeenSent == false)
        #expect(error.message.contains("pcplan-test.invalid"))
    }

    @Test func aStallingServerTimesOutWithinTheLimit() throws {
        let server = try LoopbackServer { _ in .stall }
        defer { server.stop() }
        let started = Date()
        let error = try sendExpectingError(makeClient(requestTimeout: 0.5), HTTPRequest(
            method: "POST", url: server.url("/slow"), headers: Self.secretHeaders, body: Self.secretBody))
        let elapsed = Date().timeIntervalSince(started)
        #expect(error.kind == .timedOut)
        #expect(error.requestMayHaveBeenSent)
        #expect(elapsed >= 0.45 && elapsed < 3, "took \(elapsed) s")
        #expect(server.requests.count == 1)
        expectNoSecrets(error)
    }

    @Test(arguments: [
        ("a body cut short", "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly ten b"),
        ("headers cut short", "HTTP/1.1 200 OK\r\nContent-Len"),
        ("no reply at all", ""),
    ])
    func aServerClosingMidReplyIsConnectionLost(_ name: String, _ reply: String) throws {
        let server = try LoopbackServer { _ in .raw(Array(reply.utf8)) }
        defer { server.stop() }
        let error = try sendExpectingError(makeClient(), HTTPRequest(
            method: "POST", url: server.url("/"), headers: Self.secretHeaders, body: Self.secretBody))
        #expect(error.kind == .connectionLost, "\(name): \(error.message)")
        #expect(error.requestMayHaveBeenSent)
        #expect(error.message.contains("127.0.0.1:\(server.port)"))
        expectNoSecrets(error)
    }

    @Test(arguments: [
        HTTPRequest(method: "GET", url: "ftp://127.0.0.1/file"),
        HTTPRequest(method: "GET", url: "http://[::1/"),
        HTTPRequest(method: "GE T", url: "http://127.0.0.1/"),
        HTTPRequest(method: "GET", url: "http://127.0.0.1/", headers: [HTTPHeader("X-A", "1\r\nX-Injected: 2")]),
        HTTPRequest(method: "GET", url: "http://127.0.0.1/", headers: [HTTPHeader("Bad Name", "1")]),
        HTTPRequest(method: "HEAD", url: "http://127.0.0.1/", body: [1]),
    ])
    func requestsThatCannotBeSentAreInvalid(_ request: HTTPRequest) throws {
        let error = try sendExpectingError(makeClient(), request)
        #expect(error.kind == .invalidRequest, "\(error.message)")
        #expect(error.requestMayHaveBeenSent == false)
    }
}

extension HTTPRequest: CustomTestStringConvertible {
    public var testDescription: String { "\(method) \(url) \(headers.map(\.name))" }
}
