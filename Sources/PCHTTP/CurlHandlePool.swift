import Foundation

/// Easy handles waiting for their next request.
///
/// The most recently returned handle goes out first: it is the one most likely to hold a live
/// connection. Handles beyond `maximumIdle` are freed on return, which closes their connections,
/// so a burst of concurrency does not leave sockets open for good.
final class CurlHandlePool: @unchecked Sendable {
    // Safe because `lock` guards `idle`, and a handle taken out of `idle` belongs to the one thread
    // that took it until that thread puts it back: no handle is ever used by two threads at once.
    private let lock = NSLock()
    private var idle: [CurlEasyHandle] = []
    private let maximumIdle: Int

    init(maximumIdle: Int = 16) {
        self.maximumIdle = maximumIdle
    }

    func withHandle<Result>(_ body: (CurlEasyHandle) throws(HTTPError) -> Result) throws(HTTPError) -> Result {
        let handle = try checkOut()
        defer { checkIn(handle) }
        return try body(handle)
    }

    private func checkOut() throws(HTTPError) -> CurlEasyHandle {
        let reused: CurlEasyHandle? = lock.withLock { idle.popLast() }
        if let reused { return reused }
        return try CurlEasyHandle()
    }

    private func checkIn(_ handle: CurlEasyHandle) {
        lock.withLock {
            if idle.count < maximumIdle { idle.append(handle) }
        }
    }
}
