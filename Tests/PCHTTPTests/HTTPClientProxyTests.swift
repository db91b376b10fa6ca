import PCHTTP
import Testing

@Suite struct HTTPClientProxyTests {
    @Test func anHTTPRequestGoesThroughTheProxyInAbsoluteForm() throws {
        let proxy = try LoopbackServer { _ in .ok("from the proxy") }
        defer { proxy.stop() }
        // The origin's name does not resolve: only a proxy can answer.
        let client = makeClient(proxy: ProxySettings(httpProxy: "http://127.0.0.1:\(proxy.port)"))
        let response = try client.send(HTTPRequest(
            method: "POST", url: "http://origin.invalid:8080/path?Action=X", headers: [HTTPHeader("X-Amz-Date", "d")],
            body: Array("b=1".utf8)))
        #expect(response.body == Array("from the proxy".utf8))
        let seen = try #require(proxy.requests.first)
        #expect(seen.requestLine == "POST http://origin.invalid:8080/path?Action=X HTTP/1.1")
        #expect(seen.values("Host") == ["origin.invalid:8080"])
        #expect(seen.values("X-Amz-Date") == ["d"])
        #expect(seen.body == Array("b=1".utf8))
    }

    @Test func noProxyBypassesTheProxy() throws {
        let proxy = try LoopbackServer { _ in .ok("from the proxy") }
        defer { proxy.stop() }
        let origin = try LoopbackServer { _ in .ok("from the origin") }
        defer { origin.stop() }
        let client = makeClient(proxy: ProxySettings(httpProxy: "http://127.0.0.1:\(proxy.port)", noProxy: "127.0.0.1"))
        let response = try client.send(HTTPRequest(method: "GET", url: origin.url("/direct")))
        #expect(response.body == Array("from the origin".utf8))
        #expect(origin.requests.map(\.requestLine) == ["GET /direct HTTP/1.1"])
        #expect(proxy.acceptedConnections == 0)
    }

    @Test func uppercaseHTTPProxyFromTheEnvironmentIsIgnored() throws {
        let proxy = try LoopbackServer { _ in .ok("from the proxy") }
        defer { proxy.stop() }
        let origin = try LoopbackServer { _ in .ok("from the origin") }
        defer { origin.stop() }
        let settings = ProxySettings.fromEnvironment(["HTTP_PROXY": "http://127.0.0.1:\(proxy.port)"])
        let response = try makeClient(proxy: settings).send(HTTPRequest(method: "GET", url: origin.url("/")))
        #expect(response.body == Array("from the origin".utf8))
        #expect(proxy.acceptedConnections == 0)
    }

    @Test func anHTTPSRequestTunnelsThroughTheProxyAndARefusedTunnelSendsNothing() throws {
        let proxy = try LoopbackServer { _ in
            .respond(status: 403, headers: [], body: [], delay: 0, close: true, interim: false)
        }
        defer { proxy.stop() }
        let settings = ProxySettings.fromEnvironment(["HTTPS_PROXY": "http://127.0.0.1:\(proxy.port)"])
        do {
            let response = try makeClient(proxy: settings).send(HTTPRequest(
                method: "POST", url: "https://origin.invalid/secret-path", body: Array("SECRET-BODY".utf8)))
            Issue.record("expected the refused tunnel to fail, got HTTP \(response.status)")
        } catch {
            #expect(error.kind == .couldNotConnect, "\(error.message)")
            #expect(error.requestMayHaveBeenSent == false)
            #expect(error.message.contains("origin.invalid") && error.message.contains("403"))
            #expect(!error.message.contains("SECRET"))
        }
        let seen = try #require(proxy.requests.first)
        #expect(seen.requestLine == "CONNECT origin.invalid:443 HTTP/1.1")
    }
}
