import ArgumentParser

/// The root command. (Placeholder: commands being written.)
public struct PCPlanCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "pcplan")
    public init() {}
    public func run() throws {}
}
