import ArgumentParser

/// A subcommand that runs against an injected `Terminal` and returns its
/// exit status, so tests run it in process exactly as the binary does.
protocol TerminalCommand: ParsableCommand {
    /// The Terraform-style spellings this command's options accept.
    static var terraformArguments: TerraformArguments { get }
    func run(in terminal: Terminal) -> Int32
}

extension TerminalCommand {
    /// ArgumentParser's own entry point; pcplan dispatches through
    /// `PCPlanCommand.run(_:terminal:)` instead, but keep this correct.
    public func run() throws {
        let terminal = Terminal.system()
        let status = run(in: terminal)
        terminal.flush()
        if status != 0 { throw ExitCode(status) }
    }
}

/// Exit statuses, as Terraform uses them.
enum ExitStatus {
    static let success: Int32 = 0
    /// Errors in the input or in the command line.
    static let failure: Int32 = 1
    /// `fmt -check` found files that are not formatted.
    static let notFormatted: Int32 = 3
}
