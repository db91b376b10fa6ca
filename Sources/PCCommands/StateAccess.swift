import Foundation
import PCConfig
import PCDiagnostics
import PCState

/// Opening the state for a command: the `-state` path (default
/// `pcplan.state.db` in the working directory), with the lock taken for the
/// command's duration when it changes or plans against the state.
struct StateAccess {
    let backend: SQLiteStateBackend
    let lock: LockInfo?

    /// Nil with diagnostics when the state cannot be opened or locked; nil
    /// without diagnostics when `create` is false and there is no state yet.
    static func open(
        path: String, terminal: Terminal, create: Bool, lockFor operation: String?, lockTimeout: Double
    ) -> (StateAccess?, [Diagnostic]) {
        let resolved = terminal.resolve(path)
        if !create, FileSystem.kind(at: resolved) == .missing { return (nil, []) }
        do {
            let backend = try SQLiteStateBackend(path: resolved, pcplanVersion: VersionCommand.version, create: create)
            var lock: LockInfo?
            if let operation {
                lock = try backend.lock(operation: operation, info: "", timeout: lockTimeout)
            }
            return (StateAccess(backend: backend, lock: lock), [])
        } catch let error as StateError {
            let code: DiagnosticCode = if case .locked = error { .stateLocked } else { .stateUnavailable }
            return (nil, [Diagnostic(code: code, detail: "\(path): \(error.description)")])
        } catch {
            return (nil, [Diagnostic(code: .stateUnavailable, detail: "\(path): \(error)")])
        }
    }

    func release() {
        if let lock { try? backend.unlock(id: lock.id) }
    }
}
