import Foundation
import PCHTTP
import Testing

/// A client that never looks at the process environment and fails fast.
func makeClient(requestTimeout: Double = 10, proxy: ProxySettings = .none, userAgent: String = "pcplan") -> HTTPClient {
    var options = HTTPClientOptions()
    options.connectTimeout = 5
    options.requestTimeout = requestTimeout
    options.proxy = proxy
    options.userAgent = userAgent
    return HTTPClient(options: options)
}

/// The error `request` fails with; records an issue when it succeeds instead.
func sendExpectingError(_ client: HTTPClient, _ request: HTTPRequest) throws -> HTTPError {
    let response: HTTPResponse
    do {
        response = try client.send(request)
    } catch {
        return error
    }
    Issue.record("expected an error, got HTTP \(response.status)")
    throw ServerError("no error")
}

@Suite struct HTTPClientExchangeTests {
    @Test func statusHeadersAndBodyComeBack() throws {
        let server = try LoopbackServer { _ in
            .respond(status: 201, headers: ["X-Amzn-RequestId: req-1", "Content-Type: application/json", "X-Empty:"],
                     body: Array(#"{"ok":true}"#.utf8), delay: 0, close: false, interim: false)
        }
        defer { server.stop() }
        let response = try makeClient().send(HTTPRequest(method: "GET", url: server.url("/thing")))
        #expect(response.status == 201)
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"ok":true}"#)
        #expect(response.header("x-amzn-requestid") == "req-1")
        #expect(response.header("CONTENT-TYPE") == "application/json")
        #expect(response.header("X-Missing") == nil)
        #expect(response.headers == [
            HTTPHeader("X-Amzn-RequestId", "req-1"), HTTPHeader("Content-Type", "application/json"),
            HTTPHeader("X-Empty", ""), HTTPHeader("Content-Length", "11"),
        ])
    }

    @Test func errorStatusesAreResponsesNotErrors() throws {
        let server = try LoopbackServer { _ in
            .respond(status: 503, headers: [], body: Array("busy".utf8), delay: 0, close: false, interim: false)
        }
        defer { server.stop() }
        let response = try makeClient().send(HTTPRequest(method: "POST", url: server.url("/")))
        #expect(response.status == 503)
        #expect(response.body == Array("busy".utf8))
    }

    @Test func theServerSeesExactlyTheRequestHeadersAndBody() throws {
        let server = try LoopbackServer { _ in .ok() }
        defer { server.stop() }
        // Over 1 KiB: libcurl would add `Expect: 100-continue` here if not told otherwise.
        let body = Array(repeating: UInt8(ascii: "a"), count: 2000)
        let headers = [
            HTTPHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
            HTTPHeader("X-Amz-Date", "20240101T000000Z"),
            HTTPHeader("X-Empty-Value", ""),
            HTTPHeader("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/sts/aws4_request"),
        ]
        let response = try makeClient().send(
            HTTPRequest(method: "POST", url: server.url("/path?Action=Get%20It"), headers: headers, body: body))
        #expect(response.status == 200)

        let seen = try #require(server.requests.first)
        #expect(seen.requestLine == "POST /path?Action=Get%20It HTTP/1.1")
        #expect(seen.body == body)
        let ours = Set(headers.map { $0.name.lowercased() })
        #expect(seen.headers.filter { ours.contains($0.name.lowercased()) } == headers)
        let added = seen.headers.filter { !ours.contains($0.name.lowercased()) }
        #expect(added.map(\.name).sorted() == ["Content-Length", "Host", "User-Agent"])
        #expect(seen.values("Content-Length") == ["2000"])
        #expect(seen.values("Host") == ["127.0.0.1:\(server.port)"])
        #expect(seen.values("User-Agent") == ["pcplan"])
        #expect(seen.values("Expect").isEmpty && seen.values("Accept").isEmpty)
    }

    @Test func headersTheRequestSetsReplaceLibcurlsOwn() throws {
        let server = try LoopbackServer { _ in .ok() }
        defer { server.stop() }
        let headers = [
            HTTPHeader("Host", "sts.us-east-1.amazonaws.com"), HTTPHeader("Accept", "application/json"),
            HTTPHeader("User-Agent", "custom/1.0"),
        ]
        _ = try makeClient().send(HTTPRequest(method: "GET", url: server.url("/"), headers: headers))
        let seen = try #require(server.requests.first)
        #expect(seen.headers == headers)
    }

    @Test func anEmptyUserAgentSendsNone() throws {
        let server = try LoopbackServer { _ in .ok() }
        defer { server.stop() }
        _ = try makeClient(userAgent: "").send(HTTPRequest(method: "GET", url: server.url("/")))
        let seen = try #require(server.requests.first)
        #expect(seen.headers.map(\.name) == ["Host"])
    }

    struct MethodCase: Sendable, CustomTestStringConvertible {
        var method: String
        var body: String
        /// What the server must see; nil: no Content-Length at all.
        var contentLength: String?
        var testDescription: String { "\(method) with \(body.isEmpty ? "no" : "a") body" }
    }

    @Test(arguments: [
        MethodCase(method: "GET", body: "", contentLength: nil),
        MethodCase(method: "GET", body: "q", contentLength: "1"),
        MethodCase(method: "POST", body: "", contentLength: "0"),
        MethodCase(method: "POST", body: "Action=X", contentLength: "8"),
        MethodCase(method: "PUT", body: "", contentLength: "0"),
        MethodCase(method: "PUT", body: #"{"a":1}"#, contentLength: "7"),
        MethodCase(method: "DELETE", body: "", contentLength: nil),
        MethodCase(method: "DELETE", body: "xy", contentLength: "2"),
        MethodCase(method: "HEAD", body: "", contentLength: nil),
    ])
    func methodsWithAndWithoutBody(_ test: MethodCase) throws {
        let server = try LoopbackServer { request in
            .respond(status: 200, headers: [], body: Array("reply to \(request.method)".utf8), delay: 0, close: false, interim: false)
        }
        defer { server.stop() }
        let response = try makeClient().send(
            HTTPRequest(method: test.method, url: server.url("/m"), body: Array(test.body.utf8)))
        let seen = try #require(server.requests.first)
        #expect(seen.requestLine == "\(test.method) /m HTTP/1.1")
        #expect(seen.values("Content-Length") == (test.contentLength.map { [$0] } ?? []))
        #expect(seen.values("Content-Type").isEmpty)
        #expect(seen.body == Array(test.body.utf8))
        #expect(response.status == 200)
        let expectedBody = test.method == "HEAD" ? "" : "reply to \(test.method)"
        #expect(String(decoding: response.body, as: UTF8.self) == expectedBody)
    }

    @Test func onlyTheFinalResponsesHeadersAreKept() throws {
        let server = try LoopbackServer { _ in
            .respond(status: 200, headers: ["X-Final: yes"], body: Array("done".utf8), delay: 0, close: false, interim: true)
        }
        defer { server.stop() }
        let response = try makeClient().send(HTTPRequest(method: "PUT", url: server.url("/"), body: Array("x".utf8)))
        #expect(response.status == 200)
        #expect(response.header("X-Final") == "yes")
        #expect(response.header("X-Interim") == nil)
        #expect(response.body == Array("done".utf8))
    }
}
