import Foundation
import PCHTTP
import Testing

@Suite struct HTTPClientConnectionTests {
    /// Runs `body` on a thread of its own and waits for it.
    func onNewThread(_ body: @escaping @Sendable () -> Void) {
        let done = DispatchSemaphore(value: 0)
        Thread {
            body()
            done.signal()
        }.start()
        done.wait()
    }

    @Test func sequentialRequestsReuseOneConnection() throws {
        let server = try LoopbackServer { request in .ok(request.target) }
        defer { server.stop() }
        let client = makeClient()
        let first = try client.send(HTTPRequest(method: "GET", url: server.url("/1")))
        let second = try client.send(HTTPRequest(method: "POST", url: server.url("/2"), body: Array("b".utf8)))
        #expect(first.body == Array("/1".utf8) && second.body == Array("/2".utf8))
        #expect(server.acceptedConnections == 1)
        #expect(server.requests.map(\.connection) == [1, 1])
    }

    @Test func aServerThatClosesGetsANewConnectionEachTime() throws {
        let server = try LoopbackServer { _ in .ok("x", close: true) }
        defer { server.stop() }
        let client = makeClient()
        for _ in 0..<2 { _ = try client.send(HTTPRequest(method: "GET", url: server.url("/"))) }
        #expect(server.acceptedConnections == 2)
    }

    @Test func aConnectionIsReusedAcrossThreads() throws {
        let server = try LoopbackServer { _ in .ok("x") }
        defer { server.stop() }
        let client = makeClient()
        let statuses = Locked<[Int]>([])
        for _ in 0..<3 {
            onNewThread {
                let status = (try? client.send(HTTPRequest(method: "GET", url: server.url("/"))))?.status ?? -1
                statuses.mutate { $0.append(status) }
            }
        }
        #expect(statuses.value == [200, 200, 200])
        #expect(server.acceptedConnections == 1)
    }

    @Test func sixteenThreadsSendAtOnce() throws {
        let delay = 0.3
        let server = try LoopbackServer { request in .ok("echo \(request.target)", delay: delay) }
        defer { server.stop() }
        let client = makeClient()
        let results = Locked<[Int: Result<HTTPResponse, HTTPError>]>([:])
        let group = DispatchGroup()
        let started = Date()
        for index in 0..<16 {
            group.enter()
            Thread {
                let result = Result { () throws(HTTPError) -> HTTPResponse in
                    try client.send(HTTPRequest(method: "GET", url: server.url("/\(index)")))
                }
                results.mutate { $0[index] = result }
                group.leave()
            }.start()
        }
        #expect(group.wait(timeout: .now() + 30) == .success)
        let elapsed = Date().timeIntervalSince(started)
        for index in 0..<16 {
            let response = try #require(try results.value[index]?.get())
            #expect(response.status == 200)
            #expect(String(decoding: response.body, as: UTF8.self) == "echo /\(index)")
        }
        // One after another they would take 16 × 0.3 s = 4.8 s.
        #expect(elapsed < 2.4, "16 requests took \(elapsed) s: they did not overlap")
        #expect(server.acceptedConnections > 1)

        // The handles went back to the pool with their connections: no new connection now.
        let before = server.acceptedConnections
        _ = try client.send(HTTPRequest(method: "GET", url: server.url("/again")))
        #expect(server.acceptedConnections == before)
    }
}

/// A value shared between test threads.
final class Locked<Value>: @unchecked Sendable {
    // Safe because `lock` guards `stored`.
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value { lock.withLock { stored } }
    func mutate(_ change: (inout Value) -> Void) { lock.withLock { change(&stored) } }
}
