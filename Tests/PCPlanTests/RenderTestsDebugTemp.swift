import Foundation
import PCPlan
import Testing

@Test func renderDebugDump() throws {
    try PlanRenderer.markdown(MarkdownSamples.bigPlan(500), maxCharacters: 10_000).write(toFile: "/tmp/render-debug/big.md", atomically: true, encoding: .utf8)
    try PlanRenderer.markdown(MarkdownSamples.bigPlan(500), maxCharacters: 10_000_000).write(toFile: "/tmp/render-debug/big-full.md", atomically: true, encoding: .utf8)
    let before = MarkdownSamples.containerDefinitions(logLevel: "info")
    let after = MarkdownSamples.containerDefinitions(logLevel: "debug")
    try PlanRenderer.markdown(MarkdownSamples.taskDefinitionPlan(before: before, after: after)).write(toFile: "/tmp/render-debug/ecs.md", atomically: true, encoding: .utf8)
    try PlanRenderer.terminal(MarkdownSamples.taskDefinitionPlan(before: before, after: after), color: false).write(toFile: "/tmp/render-debug/ecs.txt", atomically: true, encoding: .utf8)
}

@Test func renderDebugTiming() throws {
    var changes: [ResourceChange] = []
    for index in 0..<10_000 {
        changes.append(.renderTest("pcplan_data.r[\(index)]", .create, after: RV.obj(["id": RV.unknown, "input": RV.obj(["a": RV.s("x\(index)"), "b": RV.tuple([RV.n(index)])]), "output": RV.unknown, "triggers_replace": RV.null])))
    }
    let plan = Plan.renderTest(changes: changes)
    let clock = ContinuousClock()
    var terminal = ""
    let t = clock.measure { terminal = PlanRenderer.terminal(plan, color: true) }
    var markdown = ""
    let m = clock.measure { markdown = PlanRenderer.markdown(plan) }
    try "terminal \(t) \(terminal.utf8.count) bytes; markdown \(m) \(markdown.utf8.count)\n".write(toFile: "/tmp/render-debug/timing.txt", atomically: true, encoding: .utf8)
}
