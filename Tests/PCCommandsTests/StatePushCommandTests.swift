import Foundation
import Testing

/// `pcplan state push`: a pulled state goes back whole; another lineage or
/// an older serial is refused unless -force, and a refused push changes
/// nothing.
@Suite struct StatePushCommandTests {
    static let configuration = """
        resource "pcplan_data" "x" {
          count = 2
          input = count.index
        }

        output "o" {
          value = pcplan_data.x[*].input
        }

        """

    @Test func aPulledStateGoesBackAndOlderOnesNeedForce() throws {
        let sandbox = try Sandbox()
        try sandbox.write("main.pcl", Self.configuration)
        #expect(pcplan(["apply", "-auto-approve"], in: sandbox.root).status == 0)
        try sandbox.write("v1.json", pcplan(["state", "pull"], in: sandbox.root).output)
        #expect(pcplan(["apply", "-auto-approve", "-replace=pcplan_data.x[0]"], in: sandbox.root).status == 0)
        let newer = pcplan(["state", "pull"], in: sandbox.root).output

        let refused = pcplan(["state", "push", "v1.json"], in: sandbox.root)
        #expect(refused.status == 1)
        #expect(refused.error.contains("older than the state's serial"), "\(refused.error)")
        #expect(pcplan(["state", "pull"], in: sandbox.root).output == newer, "a refused push changes nothing")

        let forced = pcplan(["state", "push", "-force", "v1.json"], in: sandbox.root)
        #expect(forced.status == 0, "\(forced.error)")
        #expect(pcplan(["state", "list"], in: sandbox.root).output == "pcplan_data.x[0]\npcplan_data.x[1]\n")
        #expect(pcplan(["output", "-json", "o"], in: sandbox.root).output.contains("1"))
        #expect(pcplan(["plan", "-detailed-exitcode"], in: sandbox.root).status == 0)
    }

    @Test func anotherLineageIsRefusedAndStandardInputIsRead() throws {
        let first = try Sandbox()
        try first.write("main.pcl", Self.configuration)
        #expect(pcplan(["apply", "-auto-approve"], in: first.root).status == 0)
        let foreign = pcplan(["state", "pull"], in: first.root).output
        let second = try Sandbox()
        try second.write("main.pcl", Self.configuration)
        #expect(pcplan(["apply", "-auto-approve"], in: second.root).status == 0)
        let refused = pcplan(["state", "push", "-"], in: second.root, input: foreign)
        #expect(refused.status == 1)
        #expect(refused.error.contains("is a state of lineage"), "\(refused.error)")
        // Into an empty state, a push needs no force.
        let empty = try Sandbox()
        #expect(pcplan(["state", "push", "-"], in: empty.root, input: foreign).status == 0)
        #expect(pcplan(["state", "list"], in: empty.root).output == "pcplan_data.x[0]\npcplan_data.x[1]\n")
    }

    @Test(arguments: ["", "{", #"{"version": 3}"#, #"{"version": 4, "serial": 1}"#])
    func notAStateIsADiagnostic(_ text: String) throws {
        let sandbox = try Sandbox()
        let result = pcplan(["state", "push", "-"], in: sandbox.root, input: text)
        #expect(result.status == 1)
        #expect(result.error.contains("is not a pcplan state"), "\(result.error)")
    }
}
