import PCConfig
import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `pcplan` command line.
///
/// `run(_:terminal:)` is the whole program as a function of its arguments
/// and terminal: the executable calls it with the real process, tests with
/// captured streams. Terraform's conventions are kept: global options before
/// the command (`-chdir=DIR`, `-help`, `-version`), single-dash option
/// spellings, and exit status 1 for a command line it cannot use (where
/// ArgumentParser would use 64).
public struct PCPlanCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "pcplan",
        abstract: "Plan and apply infrastructure described in PCL.",
        subcommands: [
            PlanCommand.self, ApplyCommand.self, DestroyCommand.self, OutputCommand.self, ValidateCommand.self, FmtCommand.self, VersionCommand.self,
            ConsoleCommand.self, ForceUnlockCommand.self, GraphCommand.self, ImportCommand.self, ShowCommand.self,
            StateCommand.self, DocsCommand.self, InitCommand.self, WorkspaceCommand.self,
        ],
        helpNames: [.short, .long, .customLong("help", withSingleDash: true)]
    )

    public init() {}

    /// Runs as the `pcplan` process and exits with the command's status.
    public static func runAsProcess() -> Never {
        let terminal = Terminal.system()
        let status = run(Array(CommandLine.arguments.dropFirst()), terminal: terminal)
        terminal.flush()
        #if canImport(Glibc)
        Glibc.exit(status)
        #else
        Darwin.exit(status)
        #endif
    }

    /// Runs one command line (without the program name) and returns its
    /// exit status.
    public static func run(_ arguments: [String], terminal: Terminal) -> Int32 {
        var arguments = arguments[...]

        // Global options come before the command, as in Terraform.
        while let first = arguments.first, first.hasPrefix("-") {
            let name = first.hasPrefix("--") ? first.dropFirst(2) : first.dropFirst()
            if name == "help" || name == "h" {
                terminal.standardOutput.write(rootHelp)
                return ExitStatus.success
            } else if name == "version" || name == "v" {
                arguments = ["version"] + arguments.dropFirst()
                break
            } else if name.hasPrefix("chdir=") {
                let directory = String(name.dropFirst("chdir=".count))
                guard FileSystem.kind(at: terminal.resolve(directory)) == .directory else {
                    usageError("-chdir: \"\(directory)\" is not a directory.", terminal: terminal)
                    return ExitStatus.failure
                }
                terminal.workingDirectory = terminal.resolve(directory)
                arguments = arguments.dropFirst()
            } else {
                usageError("Unknown global option \"\(first)\".", terminal: terminal)
                return ExitStatus.failure
            }
        }

        guard let name = arguments.first else {
            terminal.standardOutput.write(rootHelp)
            return ExitStatus.success
        }
        if name == "help" {
            guard let topic = arguments.dropFirst().first else {
                terminal.standardOutput.write(rootHelp)
                return ExitStatus.success
            }
            guard let command = commands[topic] else {
                usageError("There is no command \"\(topic)\".", terminal: terminal)
                return ExitStatus.failure
            }
            terminal.standardOutput.write(helpMessage(for: command) + "\n")
            return ExitStatus.success
        }
        guard let command = commands[name] else {
            usageError("There is no command \"\(name)\".", terminal: terminal)
            return ExitStatus.failure
        }

        let rest = command.terraformArguments.normalize(Array(arguments.dropFirst()))
        do {
            var parsed = try parseAsRoot([name] + rest)
            if let runnable = parsed as? any TerminalCommand {
                return runnable.run(in: terminal)
            }
            // ArgumentParser's help command: running it throws the help
            // text as a clean exit, handled below.
            try parsed.run()
            terminal.standardOutput.write(rootHelp)
            return ExitStatus.success
        } catch {
            let message = fullMessage(for: error)
            if exitCode(for: error) == .success {
                terminal.standardOutput.write(message + "\n")
                return ExitStatus.success
            }
            terminal.standardError.write(message + "\n")
            return ExitStatus.failure
        }
    }

    static let commands: [String: any TerminalCommand.Type] = [
        "console": ConsoleCommand.self,
        "apply": ApplyCommand.self,
        "destroy": DestroyCommand.self,
        "docs": DocsCommand.self,
        "fmt": FmtCommand.self,
        "force-unlock": ForceUnlockCommand.self,
        "graph": GraphCommand.self,
        "import": ImportCommand.self,
        "init": InitCommand.self,
        "output": OutputCommand.self,
        "plan": PlanCommand.self,
        "show": ShowCommand.self,
        "state": StateCommand.self,
        "validate": ValidateCommand.self,
        "version": VersionCommand.self,
        "workspace": WorkspaceCommand.self,
    ]

    private static func usageError(_ message: String, terminal: Terminal) {
        terminal.standardError.write("""
            pcplan: \(message)
            Run "pcplan -help" for the list of commands and options.

            """)
    }

    /// The overview, laid out like `terraform -help`.
    static let rootHelp = """
        Usage: pcplan [global options] <command> [args]

        pcplan plans and applies infrastructure described in PCL, the HCL native
        syntax with Terraform's blocks. The commands available today are listed
        below.

        Main commands:
          init          Prepare the working directory: check the backend, move the state
          validate      Check whether the configuration is valid
          plan          Show changes required by the current configuration
          apply         Create or update infrastructure
          destroy       Destroy previously-created infrastructure

        All other commands:
          console       Try expressions against the configuration and state
          docs          Write a module's inputs and outputs as Markdown tables
          fmt           Reformat your configuration in the standard style
          force-unlock  Release a stuck lock on the current state
          graph         Print the configuration's dependency graph in DOT
          output        Show output values from your root module
          import        Associate existing infrastructure with a pcplan resource
          show          Show a saved plan or the state
          state         Advanced state management
          version       Show the current pcplan version and the libraries it uses
          workspace     Workspace management

        Global options (use these before the command, if any):
          -chdir=DIR    Switch to a different working directory before executing the
                        given command.
          -help         Show this help output, or the help for a specified command
                        ("pcplan fmt -help" or "pcplan help fmt").
          -version      An alias for the "version" command.

        Every option may be written with one dash or two: -check and --check are
        the same, and boolean options take =true or =false (-write=false).

        """
}
