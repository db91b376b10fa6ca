import ArgumentParser
import PCConfig
import PCDiagnostics
import PCPlan
import PCState

/// What `apply` and `destroy` share: how to plan, and how to run.
struct ApplyOptions: ParsableArguments {
    @Flag(name: [.customLong("auto-approve", withSingleDash: true), .customLong("auto-approve")],
          help: "Apply without asking for confirmation.")
    var autoApprove = false

    @Option(name: [.customLong("refresh", withSingleDash: true), .customLong("refresh")],
            help: "Ask providers for the current state of objects first (default true).")
    var refresh: TerraformBool = TerraformBool(true)

    @Option(name: [.customLong("target", withSingleDash: true), .customLong("target")],
            help: "Apply only this address and what it depends on. Repeatable.")
    var targets: [String] = []

    @Option(name: [.customLong("replace", withSingleDash: true), .customLong("replace")],
            help: "Replace this resource instance even if unchanged. Repeatable.")
    var replace: [String] = []

    @Option(name: [.customLong("var", withSingleDash: true), .customLong("var")], help: "Set a root variable: -var 'NAME=VALUE'. Repeatable.")
    var variables: [String] = []

    @Option(name: [.customLong("var-file", withSingleDash: true), .customLong("var-file")], help: "Read variable values from a file. Repeatable.")
    var variableFiles: [String] = []

    @Option(name: [.customLong("state", withSingleDash: true), .customLong("state")], help: "Path of the state database.")
    var statePath: String = SQLiteStateBackend.defaultPath

    @Option(name: [.customLong("parallelism", withSingleDash: true), .customLong("parallelism")],
            help: "How many provider operations may run at once (default 10).")
    var parallelism: Int = 10

    @OptionGroup var lockOptions: StateLockOptions

    @Flag(name: [.customLong("no-color", withSingleDash: true), .customLong("no-color")], help: "Never use colour.")
    var noColor = false

    @Flag(name: [.customLong("json", withSingleDash: true), .customLong("json")],
          help: "Print one JSON event per line, in the shape of Terraform's machine-readable UI. Needs -auto-approve or a plan file.")
    var json = false

    static let terraformArguments = TerraformArguments(
        flags: ["auto-approve", "no-color", "json"], booleanOptions: ["refresh", "lock"], orderedInto: ["var-file": "var"])

    func planRun(mode: Plan.Mode) -> PlanRun {
        PlanRun(
            mode: mode, refresh: refresh.value, targets: targets, replace: replace,
            variableOptions: VariableInputs.options(variables: variables, files: variableFiles),
            statePath: statePath, lock: lockOptions.lock.value, lockTimeout: lockOptions.lockTimeout)
    }
}

/// `pcplan apply`: carries out a plan, saved or made on the spot.
struct ApplyCommand: TerminalCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Create or update infrastructure",
        usage: "pcplan apply [options] [PLANFILE]",
        discussion: """
            With a saved plan (pcplan plan -out=FILE), applies exactly it, and refuses it if \
            the state or the configuration changed since it was made. Without one, makes a \
            plan, shows it and asks for "yes" before applying (-auto-approve skips the question; \
            without a terminal it is required).

            Actions run in parallel as the dependency graph allows (-parallelism), longest \
            remaining path first. Each finished action is recorded in the state before anything \
            that depends on it starts. Ctrl-C once: no new action starts, those in flight finish \
            and are recorded, exit status 130. Twice: stop at once.

            Exit status: 0 on success, 1 on any error, 130 when interrupted.
            """,
        helpNames: [.short, .long, .customLong("help", withSingleDash: true)]
    )

    static var terraformArguments: TerraformArguments { ApplyOptions.terraformArguments }

    @OptionGroup var options: ApplyOptions

    @Argument(help: ArgumentHelp("A plan saved by pcplan plan -out.", valueName: "PLANFILE"))
    var planFile: String?

    func run(in terminal: Terminal) -> Int32 {
        ApplyRun(options: options, mode: .normal, planFile: planFile).run(in: terminal)
    }
}

/// `pcplan destroy`: plans to destroy everything recorded, and applies it.
struct DestroyCommand: TerminalCommand {
    static let configuration = CommandConfiguration(
        commandName: "destroy",
        abstract: "Destroy previously-created infrastructure",
        usage: "pcplan destroy [options]",
        discussion: """
            The same as pcplan apply -destroy: plans to destroy every object in the state \
            (or, with -target, those and what depends on them), shows the plan and asks for \
            "yes" unless -auto-approve.
            """,
        helpNames: [.short, .long, .customLong("help", withSingleDash: true)]
    )

    static var terraformArguments: TerraformArguments { ApplyOptions.terraformArguments }

    @OptionGroup var options: ApplyOptions

    func run(in terminal: Terminal) -> Int32 {
        ApplyRun(options: options, mode: .destroy, planFile: nil).run(in: terminal)
    }
}
