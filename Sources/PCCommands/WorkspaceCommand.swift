import ArgumentParser
import Foundation
import PCDiagnostics
import PCState
import PCStateS3

/// `pcplan workspace <subcommand>`: several states for one configuration.
struct WorkspaceCommand: TerminalCommand {
    static let configuration = CommandConfiguration(
        commandName: "workspace",
        abstract: "Workspace management",
        usage: "pcplan workspace <subcommand> [options] [NAME]",
        discussion: """
            Lists, creates, selects and deletes workspaces: states of the same \
            configuration kept side by side in its backend (pcplan.state.d/NAME/ for a \
            local state; <workspace_key_prefix>/NAME/<key> in S3). The selected one is \
            kept in .pcplan/environment; PCPLAN_WORKSPACE overrides it. terraform.workspace \
            is its name.
            """,
        subcommands: [
            WorkspaceListCommand.self, WorkspaceShowCommand.self, WorkspaceNewCommand.self,
            WorkspaceSelectCommand.self, WorkspaceDeleteCommand.self,
        ],
        helpNames: [.short, .long, .customLong("help", withSingleDash: true)]
    )

    static let terraformArguments = TerraformArguments(flags: ["force", "no-color"], booleanOptions: [])

    func run(in terminal: Terminal) -> Int32 {
        terminal.standardError.write(PCPlanCommand.helpMessage(for: WorkspaceCommand.self) + "\n")
        return ExitStatus.failure
    }

    /// The workspaces that exist in the configured backend.
    static func existing(terminal: Terminal) -> ([String]?, [Diagnostic]) {
        let (location, diagnostics) = StateAccess.locate(
            requested: SQLiteStateBackend.defaultPath, terminal: terminal, workspace: Workspace.defaultName)
        guard let location else { return (nil, diagnostics) }
        switch location {
        case .file(let path):
            return (Workspace.localWorkspaces(path, terminal: terminal), [])
        case .s3(let declaration, _):
            let (opened, openDiagnostics) = S3BackendBlock.open(declaration, terminal: terminal, create: true)
            guard let backend = opened else { return (nil, openDiagnostics) }
            do {
                let prefix = declaration.string("workspace_key_prefix") ?? "env:"
                return ([Workspace.defaultName] + (try backend.workspaceNames(prefix: prefix)), [])
            } catch {
                return (nil, [Diagnostic(code: .stateUnavailable, detail: "\(error)")])
            }
        }
    }

    /// `existing`, or nil after printing why the workspaces cannot be read.
    static func existing(terminal: Terminal, printer: inout DiagnosticPrinter) -> [String]? {
        let (names, diagnostics) = existing(terminal: terminal)
        if names == nil { printer.print(diagnostics) }
        return names
    }

    static func failure(_ detail: String, summary: String? = nil) -> Diagnostic {
        Diagnostic(code: .stateUnavailable, summary: summary, detail: detail)
    }
}

struct WorkspaceListCommand: TerminalCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the workspaces; * marks the selected one",
        helpNames: [.short, .long, .customLong("help", withSingleDash: true)])
    static let terraformArguments = WorkspaceCommand.terraformArguments

    @Flag(name: [.customLong("no-color", withSingleDash: true), .customLong("no-color")], help: "Never use colour.")
    var noColor = false

    func run(in terminal: Terminal) -> Int32 {
        var printer = DiagnosticPrinter(terminal: terminal, noColor: noColor)
        guard let names = WorkspaceCommand.existing(terminal: terminal, printer: &printer) else { return ExitStatus.failure }
        let selected = Workspace.current(terminal)
        for name in names { terminal.standardOutput.write((name == selected ? "* " : "  ") + name + "\n") }
        return ExitStatus.success
    }
}

struct WorkspaceShowCommand: TerminalCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print the selected workspace's name",
        helpNames: [.short, .long, .customLong("help", withSingleDash: true)])
    static let terraformArguments = WorkspaceCommand.terraformArguments

    func run(in terminal: Terminal) -> Int32 {
        terminal.standardOutput.write(Workspace.current(terminal) + "\n")
        return ExitStatus.success
    }
}

struct WorkspaceNewCommand: TerminalCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Create a workspace and select it",
        helpNames: [.short, .long, .customLong("help", withSingleDash: true)])
    static let terraformArguments = WorkspaceCommand.terraformArguments

    @Flag(name: [.customLong("no-color", withSingleDash: true), .customLong("no-color")], help: "Never use colour.")
    var noColor = false

    @Argument(help: ArgumentHelp("The new workspace's name.", valueName: "NAME"))
    var name: String

    func run(in terminal: Terminal) -> Int32 {
        var printer = DiagnosticPrinter(terminal: terminal, noColor: noColor)
        if let problem = Workspace.problem(with: name) {
            printer.print([WorkspaceCommand.failure(problem, summary: "Invalid workspace name")])
            return ExitStatus.failure
        }
        guard let names = WorkspaceCommand.existing(terminal: terminal, printer: &printer) else { return ExitStatus.failure }
        guard !names.contains(name) else {
            printer.print([WorkspaceCommand.failure("Workspace \"\(name)\" already exists; select it with pcplan workspace select \(name).", summary: "Workspace already exists")])
            return ExitStatus.failure
        }
        let (location, locateDiagnostics) = StateAccess.locate(requested: SQLiteStateBackend.defaultPath, terminal: terminal, workspace: name)
        guard let location else {
            printer.print(locateDiagnostics)
            return ExitStatus.failure
        }
        if case .file(let path) = location {
            try? FileManager.default.createDirectory(
                atPath: terminal.resolve((path as NSString).deletingLastPathComponent), withIntermediateDirectories: true)
        }
        let (opened, openDiagnostics) = StateAccess.open(location, terminal: terminal, create: true, lockFor: nil, lockTimeout: 0)
        guard let access = opened else {
            printer.print(openDiagnostics)
            return ExitStatus.failure
        }
        do {
            if let s3 = access.backend as? S3StateBackend { try s3.materialize() }
            try Workspace.select(name, terminal: terminal)
        } catch {
            printer.print([WorkspaceCommand.failure("Workspace \"\(name)\" could not be created: \(error)")])
            return ExitStatus.failure
        }
        terminal.standardOutput.write("Created and switched to workspace \"\(name)\"!\n")
        return ExitStatus.success
    }
}

struct WorkspaceSelectCommand: TerminalCommand {
    static let configuration = CommandConfiguration(
        commandName: "select", abstract: "Select a workspace",
        helpNames: [.short, .long, .customLong("help", withSingleDash: true)])
    static let terraformArguments = WorkspaceCommand.terraformArguments

    @Flag(name: [.customLong("no-color", withSingleDash: true), .customLong("no-color")], help: "Never use colour.")
    var noColor = false

    @Argument(help: ArgumentHelp("The workspace to select.", valueName: "NAME"))
    var name: String

    func run(in terminal: Terminal) -> Int32 {
        var printer = DiagnosticPrinter(terminal: terminal, noColor: noColor)
        guard let names = WorkspaceCommand.existing(terminal: terminal, printer: &printer) else { return ExitStatus.failure }
        guard names.contains(name) else {
            printer.print([WorkspaceCommand.failure(
                "Workspace \"\(name)\" doesn't exist. The workspaces are: \(names.joined(separator: ", ")). Create it with pcplan workspace new \(name).",
                summary: "Workspace doesn't exist")])
            return ExitStatus.failure
        }
        do {
            try Workspace.select(name, terminal: terminal)
        } catch {
            printer.print([WorkspaceCommand.failure("\(Workspace.selectionPath) could not be written: \(error)")])
            return ExitStatus.failure
        }
        terminal.standardOutput.write("Switched to workspace \"\(name)\".\n")
        return ExitStatus.success
    }
}

struct WorkspaceDeleteCommand: TerminalCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete a workspace and its state",
        discussion: "Refuses the selected workspace, default, and one whose state still records objects (unless -force: the objects themselves are not touched, only forgotten).",
        helpNames: [.short, .long, .customLong("help", withSingleDash: true)])
    static let terraformArguments = WorkspaceCommand.terraformArguments

    @Flag(name: [.customLong("force", withSingleDash: true), .customLong("force")],
          help: "Delete even when the workspace's state still records objects.")
    var force = false

    @Flag(name: [.customLong("no-color", withSingleDash: true), .customLong("no-color")], help: "Never use colour.")
    var noColor = false

    @Argument(help: ArgumentHelp("The workspace to delete.", valueName: "NAME"))
    var name: String

    func run(in terminal: Terminal) -> Int32 {
        var printer = DiagnosticPrinter(terminal: terminal, noColor: noColor)
        guard name != Workspace.defaultName, name != Workspace.current(terminal) else {
            printer.print([WorkspaceCommand.failure(
                name == Workspace.defaultName ? "The default workspace cannot be deleted." : "Workspace \"\(name)\" is selected; select another one first.",
                summary: "Cannot delete this workspace")])
            return ExitStatus.failure
        }
        guard let names = WorkspaceCommand.existing(terminal: terminal, printer: &printer) else { return ExitStatus.failure }
        guard names.contains(name) else {
            printer.print([WorkspaceCommand.failure("Workspace \"\(name)\" doesn't exist.", summary: "Workspace doesn't exist")])
            return ExitStatus.failure
        }
        let (location, locateDiagnostics) = StateAccess.locate(requested: SQLiteStateBackend.defaultPath, terminal: terminal, workspace: name)
        guard let location else {
            printer.print(locateDiagnostics)
            return ExitStatus.failure
        }
        let (opened, openDiagnostics) = StateAccess.open(location, terminal: terminal, create: false, lockFor: "workspace delete", lockTimeout: 0)
        guard let access = opened else {
            printer.print(openDiagnostics)
            return ExitStatus.failure
        }
        do {
            let recorded = try access.backend.snapshot().resources.count
            guard force || recorded == 0 else {
                access.release()
                printer.print([WorkspaceCommand.failure(
                    "Workspace \"\(name)\" still records \(recorded) objects; destroy them first (select it, then pcplan destroy), or give -force to forget them.",
                    summary: "Workspace is not empty")])
                return ExitStatus.failure
            }
            if let s3 = access.backend as? S3StateBackend {
                try s3.deleteAll()
                access.release()
            } else if case .file(let path) = location {
                access.release()
                try FileManager.default.removeItem(atPath: terminal.resolve((path as NSString).deletingLastPathComponent))
            }
        } catch {
            access.release()
            printer.print([WorkspaceCommand.failure("Workspace \"\(name)\" could not be deleted: \(error)")])
            return ExitStatus.failure
        }
        terminal.standardOutput.write("Deleted workspace \"\(name)\"!\n")
        return ExitStatus.success
    }
}
