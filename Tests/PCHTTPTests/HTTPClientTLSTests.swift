import Foundation
import PCHTTP
import Testing

@Suite struct HTTPClientTLSTests {
    @Test func aTrustedCertificateGivesAResponse() throws {
        let server = try TLSTestServer()
        defer { server.stop() }
        var options = HTTPClientOptions()
        options.proxy = .none
        options.caBundlePath = server.certificatePath
        let response = try HTTPClient(options: options).send(
            HTTPRequest(method: "GET", url: "https://127.0.0.1:\(server.port)/"))
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self).contains("<HTML>"))
    }

    @Test func aSelfSignedCertificateIsRejectedWithTheSystemBundle() throws {
        let server = try TLSTestServer()
        defer { server.stop() }
        let error = try sendExpectingError(makeClient(), HTTPRequest(
            method: "POST", url: "https://127.0.0.1:\(server.port)/", body: Array("SECRET-BODY".utf8)))
        #expect(error.kind == .tls, "\(error.message)")
        #expect(error.requestMayHaveBeenSent == false)
        #expect(error.message.contains("certificate") && error.message.contains("127.0.0.1:\(server.port)"))
        #expect(!error.message.contains("SECRET"))
    }

    @Test func aServerThatDoesNotSpeakTLSIsATLSError() throws {
        let server = try LoopbackServer(sendingOnConnect: Array("HTTP/1.1 400 Bad Request\r\n\r\n".utf8))
        defer { server.stop() }
        let error = try sendExpectingError(
            makeClient(), HTTPRequest(method: "GET", url: "https://127.0.0.1:\(server.port)/"))
        #expect(error.kind == .tls, "\(error.message)")
        #expect(error.message.contains("127.0.0.1:\(server.port)"))
    }

    @Test func aMissingCABundleIsATLSError() throws {
        let server = try LoopbackServer(sendingOnConnect: Array("HTTP/1.1 400 Bad Request\r\n\r\n".utf8))
        defer { server.stop() }
        var options = HTTPClientOptions()
        options.proxy = .none
        options.caBundlePath = "/nonexistent/pcplan-ca.pem"
        let error = try sendExpectingError(
            HTTPClient(options: options), HTTPRequest(method: "GET", url: "https://127.0.0.1:\(server.port)/"))
        #expect(error.kind == .tls, "\(error.message)")
    }
}
