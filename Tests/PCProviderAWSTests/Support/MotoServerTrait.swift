import Testing

/// `@Suite(.serialized, .motoServer)`: one moto server for the whole suite,
/// started before its first test and stopped (by process id) after its
/// last. Tests reach it through `MotoServer.forTest()`, typically in the
/// suite's `init`, which also resets it so that every test starts clean.
///
/// The suite must be `.serialized`: its tests share one server, and a reset
/// in one test would wipe another's objects.
struct MotoServerTrait: SuiteTrait, TestScoping {
    var isRecursive: Bool { false }

    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        // A server that cannot start does not stop the suite here: each
        // test then fails on its own with the reason (tests never skip).
        let started: Result<MotoServer, HarnessError>
        do {
            started = .success(try MotoServer())
        } catch {
            started = .failure(error)
        }
        defer { if case .success(let server) = started { server.stop() } }
        try await MotoServer.$suiteServer.withValue(started) {
            try await function()
        }
    }
}

extension Trait where Self == MotoServerTrait {
    /// One moto server for the suite; see `MotoServerTrait`.
    static var motoServer: MotoServerTrait { MotoServerTrait() }
}

extension MotoServer {
    /// The server of the enclosing `.motoServer` suite, or why it could not start.
    @TaskLocal static var suiteServer: Result<MotoServer, HarnessError>?

    /// The suite's server, freshly reset (new default VPC ids, a new key).
    static func forTest(reset: Bool = true) throws(HarnessError) -> MotoServer {
        guard let started = suiteServer else {
            throw HarnessError("No moto server here: mark the suite `@Suite(.serialized, .motoServer)`.")
        }
        let server: MotoServer
        switch started {
        case .success(let running): server = running
        case .failure(let error): throw error
        }
        guard server.isRunning else {
            throw HarnessError("The suite's moto_server (port \(server.port)) is no longer running. Its last output:\n\(server.logTail())")
        }
        if reset { try server.reset() }
        return server
    }
}
