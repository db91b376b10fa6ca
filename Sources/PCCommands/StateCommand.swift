import ArgumentParser

/// `pcplan state <subcommand>`: reading and editing the state directly.
struct StateCommand: TerminalCommand {
    static let configuration = CommandConfiguration(
        commandName: "state",
        abstract: "Advanced state management",
        usage: "pcplan state <subcommand> [options] [args]",
        discussion: """
            Reads and edits the state (pcplan.state.db, or the file given with -state) \
            without touching real infrastructure: list and show what is recorded, forget \
            an object (rm), give it a new address (mv), or print all of it as JSON (pull). \
            Commands that change the state take its lock first.
            """,
        subcommands: [
            StateListCommand.self, StateShowCommand.self, StateRemoveCommand.self, StateMoveCommand.self,
            StatePullCommand.self, StatePushCommand.self,
        ],
        helpNames: [.short, .long, .customLong("help", withSingleDash: true)]
    )

    /// The union of the subcommands' spellings: the root dispatcher
    /// normalizes everything after `state` with the parent's.
    static let terraformArguments = TerraformArguments(flags: ["dry-run", "force", "no-color"], booleanOptions: ["lock"])

    /// `pcplan state` alone: Terraform prints the usage and fails, since no
    /// work was done.
    func run(in terminal: Terminal) -> Int32 {
        terminal.standardError.write(PCPlanCommand.helpMessage(for: StateCommand.self) + "\n")
        return ExitStatus.failure
    }
}
