import PCConfig
import PCDiagnostics
import PCState

/// What the state commands (`state …`, `import`, `force-unlock`, `show`)
/// need beyond opening: a state that must already exist, and reading and
/// writing it with errors turned into diagnostics.
extension StateAccess {
    /// Opens the state at `path`, which must exist: the state commands have
    /// nothing to work on otherwise and say so, as Terraform does.
    static func existing(
        path: String, terminal: Terminal, lockFor operation: String?, lockTimeout: Double = 0
    ) -> (StateAccess?, [Diagnostic]) {
        let (access, diagnostics) = open(
            path: path, terminal: terminal, create: false, lockFor: operation, lockTimeout: lockTimeout)
        if access == nil && diagnostics.isEmpty {
            return (nil, [noStateDiagnostic(path: path)])
        }
        return (access, diagnostics)
    }

    /// Opens the state at `path`, takes the lock for `operation` when one is
    /// given, and reads everything recorded. Nil with diagnostics when a step
    /// fails (a lock taken is released again); nil without diagnostics when
    /// `create` is false and there is no state yet. The caller releases the
    /// lock of what it gets when it is done.
    static func load(
        path: String, terminal: Terminal, create: Bool = false, lockFor operation: String? = nil, lockTimeout: Double = 0,
        configuration: Module? = nil
    ) -> (LoadedState?, [Diagnostic]) {
        let (access, diagnostics) = open(
            path: path, terminal: terminal, create: create, lockFor: operation, lockTimeout: lockTimeout,
            configuration: configuration)
        return read(access, diagnostics, displayPath: path)
    }

    /// `load` for the state commands, which need a state that exists.
    static func loadExisting(
        path: String, terminal: Terminal, lockFor operation: String? = nil, lockTimeout: Double = 0
    ) -> (LoadedState?, [Diagnostic]) {
        let (access, diagnostics) = existing(path: path, terminal: terminal, lockFor: operation, lockTimeout: lockTimeout)
        return read(access, diagnostics, displayPath: path)
    }

    private static func read(
        _ opened: StateAccess?, _ diagnostics: [Diagnostic], displayPath: String
    ) -> (LoadedState?, [Diagnostic]) {
        guard let access = opened else { return (nil, diagnostics) }
        let (read, readDiagnostics) = access.readSnapshot(displayPath: displayPath)
        guard let snapshot = read else {
            access.release()
            return (nil, diagnostics + readDiagnostics)
        }
        return (LoadedState(access: access, snapshot: snapshot), diagnostics)
    }

    static func noStateDiagnostic(path: String) -> Diagnostic {
        Diagnostic(
            code: .noState,
            detail: "There is no state at \(path). State management commands need a state: run them in the directory where pcplan apply has run, or give the state's path with -state=PATH.")
    }

    /// Everything recorded, or a diagnostic saying why it cannot be read.
    func readSnapshot(displayPath: String) -> (StateSnapshot?, [Diagnostic]) {
        do {
            return (try backend.snapshot(), [])
        } catch {
            return (nil, [Diagnostic(code: .stateUnavailable, detail: Self.describe(error, path: displayPath))])
        }
    }

    /// Commits `changes` in one transaction; the diagnostics are empty when
    /// they were all recorded.
    func commit(_ changes: ChangeSet, displayPath: String) -> [Diagnostic] {
        do {
            try backend.commit(changes)
            return []
        } catch {
            return [Diagnostic(
                code: .stateWriteFailed,
                detail: Self.describe(error, path: displayPath) + " Nothing was changed in the state.")]
        }
    }

    /// A state error in the user's words; other errors (from SQLite) with
    /// the path they concern.
    static func describe(_ error: any Error, path: String) -> String {
        if let error = error as? StateError { return error.description }
        return "\(path): \(error)"
    }
}

/// A state opened, locked when the command asked, and read.
struct LoadedState {
    let access: StateAccess
    let snapshot: StateSnapshot

    func release() { access.release() }
}
