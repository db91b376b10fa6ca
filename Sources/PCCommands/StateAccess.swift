import Foundation
import PCConfig
import PCDiagnostics
import PCState

/// Opening the state for a command: the `-state` path (default
/// `pcplan.state.db` in the working directory), with the lock taken for the
/// command's duration when it changes or plans against the state.
struct StateAccess {
    let backend: any StateBackend
    let lock: LockInfo?

    /// Nil with diagnostics when the state cannot be opened or locked; nil
    /// without diagnostics when `create` is false and there is no state yet.
    ///
    /// `configuration`, when the command has loaded it, gives the backend
    /// block; otherwise the root module's files are read for it.
    static func open(
        path requested: String, terminal: Terminal, create: Bool, lockFor operation: String?, lockTimeout: Double,
        configuration: Module? = nil
    ) -> (StateAccess?, [Diagnostic]) {
        let (located, backendDiagnostics) = locate(requested: requested, terminal: terminal, configuration: configuration)
        guard let location = located else { return (nil, backendDiagnostics) }
        return open(location, terminal: terminal, create: create, lockFor: operation, lockTimeout: lockTimeout)
    }

    /// Opens the state at `location` (see `open(path:…)`).
    static func open(
        _ location: Location, terminal: Terminal, create: Bool, lockFor operation: String?, lockTimeout: Double
    ) -> (StateAccess?, [Diagnostic]) {
        let path: String
        switch location {
        case .file(let file):
            path = file
        case .s3(let declaration, let workspace):
            let (opened, diagnostics) = S3BackendBlock.open(declaration, workspace: workspace, terminal: terminal, create: create)
            guard let opened else { return (nil, diagnostics) }
            return lockAndWrap(opened, operation: operation, lockTimeout: lockTimeout, displayPath: opened.location)
        }
        let resolved = terminal.resolve(path)
        if !create, FileSystem.kind(at: resolved) == .missing { return (nil, []) }
        let backend: SQLiteStateBackend
        do {
            backend = try SQLiteStateBackend(path: resolved, pcplanVersion: VersionCommand.version, create: create)
        } catch let error as StateError {
            return (nil, [Diagnostic(code: .stateUnavailable, detail: "\(path): \(error.description)")])
        } catch {
            return (nil, [Diagnostic(code: .stateUnavailable, detail: "\(path): \(error)")])
        }
        return lockAndWrap(backend, operation: operation, lockTimeout: lockTimeout, displayPath: path)
    }

    private static func lockAndWrap(
        _ backend: any StateBackend, operation: String?, lockTimeout: Double, displayPath path: String
    ) -> (StateAccess?, [Diagnostic]) {
        do {
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

    /// Where a state lives: a local file, or the S3 backend.
    enum Location {
        case file(String)
        case s3(BackendDeclaration, workspace: String = Workspace.defaultName)

        /// The same place for `workspace` (see `Workspace`).
        func `in`(workspace: String) -> Location {
            switch self {
            case .file(let path): .file(Workspace.localPath(path, workspace: workspace))
            case .s3(let declaration, _): .s3(declaration, workspace: workspace)
            }
        }
    }

    /// The state to use: `-state` when given; else the configuration's
    /// backend block (`local` with its `path`, or `s3`); else
    /// `pcplan.state.db`. A backend of another type is an error rather than
    /// a silent local state: a team that declared shared state must not each
    /// get a file of their own.
    ///
    /// When the configured backend is not the one `pcplan init` last set up
    /// (and `checkInit` is on), that is an error: planning against the new,
    /// empty place would propose to create everything again.
    static func locate(
        requested: String, terminal: Terminal, checkInit: Bool = true, workspace: String? = nil, configuration: Module? = nil
    ) -> (Location?, [Diagnostic]) {
        guard requested == SQLiteStateBackend.defaultPath else { return (.file(requested), []) }
        let selected = workspace ?? Workspace.current(terminal)
        // A loaded configuration has its backend block (and has reported its
        // problems); reading the files again would parse them twice.
        let (declaration, found) = configuration.map { ($0.backend, [Diagnostic]()) }
            ?? BackendLocator.find(directory: terminal.resolve("."), displayDirectory: ".")
        if found.hasErrors { return (nil, found) }
        let (configured, diagnostics) = location(of: declaration)
        guard let configured, checkInit else { return (configured?.in(workspace: selected), diagnostics) }
        let (remembered, rememberedDiagnostics) = rememberedLocation(terminal: terminal)
        if rememberedDiagnostics.hasErrors { return (nil, rememberedDiagnostics) }
        if let remembered {
            guard InitCommand.same(remembered, configured, terminal: terminal) else {
                return (nil, [Diagnostic(
                    code: .unsupportedBackend, summary: "Backend initialization required",
                    detail: "The configuration's backend is not the one pcplan init last set up here. Run pcplan init -migrate-state to copy the state to the new backend, or pcplan init -reconfigure to use it as it is.")])
            }
        } else if case .s3 = configured, FileSystem.kind(at: terminal.resolve(SQLiteStateBackend.defaultPath)) != .missing {
            return (nil, [Diagnostic(
                code: .unsupportedBackend, summary: "Backend initialization required",
                detail: "There is a local state (\(SQLiteStateBackend.defaultPath)) here, but the configuration keeps the state in S3. Run pcplan init -migrate-state to copy it there, or pcplan init -reconfigure to leave it behind.")])
        }
        return (configured.in(workspace: selected), diagnostics)
    }

    /// The backend `pcplan init` last set up here (`.pcplan/backend.pcl`),
    /// or nil when init never ran.
    static func rememberedLocation(terminal: Terminal) -> (Location?, [Diagnostic]) {
        guard FileManager.default.fileExists(atPath: terminal.resolve(InitCommand.rememberedPath)) else { return (nil, []) }
        let (declaration, diagnostics) = BackendLocator.find(directory: terminal.resolve(".pcplan"), displayDirectory: ".pcplan")
        if diagnostics.hasErrors { return (nil, diagnostics) }
        return location(of: declaration)
    }

    /// The place a backend block names; the default local file without one.
    private static func location(of backend: BackendDeclaration?) -> (Location?, [Diagnostic]) {
        let requested = SQLiteStateBackend.defaultPath
        guard let backend else { return (.file(requested), []) }
        if backend.type == "s3" { return (.s3(backend), []) }
        guard backend.type == "local" else {
            return (nil, [Diagnostic(
                code: .unsupportedBackend,
                detail: "This configuration keeps its state in the \"\(backend.type)\" backend, which pcplan does not have (it has \"local\" and \"s3\"). pcplan will not fall back to a local state file, because everyone sharing this configuration would then get one of their own. Use backend \"local\" or \"s3\", or give a state file explicitly with -state=PATH.",
                file: backend.file, subject: backend.typeRange)])
        }
        if let unknown = backend.settings.keys.sorted().first(where: { $0 != "path" }), let attribute = backend.settings[unknown] {
            return (nil, [Diagnostic(
                code: .unsupportedBackend,
                detail: "The local backend takes one setting, path (the state file, relative to the configuration); \"\(unknown)\" is not supported.",
                file: backend.file, subject: attribute.nameRange)])
        }
        guard let attribute = backend.settings["path"] else { return (.file(requested), []) }
        guard let path = backend.string("path"), !path.isEmpty else {
            return (nil, [Diagnostic(
                code: .unsupportedBackend,
                detail: "The local backend's path must be a non-empty string, such as \"state/pcplan.state.db\".",
                file: backend.file, subject: attribute.value.range)])
        }
        return (.file(path), [])
    }

    func release() {
        if let lock { try? backend.unlock(id: lock.id) }
    }
}
