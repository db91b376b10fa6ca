import Foundation
import Testing
@testable import PCState

/// Ten thousand instances in one change set and back. The bounds are far
/// above the real figures so a loaded machine never fails them; they catch
/// a lost index or a statement prepared per row, which cost seconds.
@Suite struct StateBulkTests {
    static func instances(_ count: Int) -> [ResourceInstanceRecord] {
        (0..<count).map { i in
            ResourceInstanceRecord(
                address: "pcplan_data.item[\(i)]", type: "pcplan_data", name: "item", indexKey: .int(i),
                provider: #"provider["pcplan/builtin"]"#,
                attributesJSON: #"{"id":"\#(i)","input":{"name":"item-\#(i)","size":\#(i * 3)},"output":null}"#,
                dependencies: ["pcplan_data.item[\(max(0, i - 1))]", "pcplan_data.item[\(max(0, i - 2))]"],
                createdAt: testDate(1_763_900_000_000 + Int64(i)), lastApplyDuration: Double(i) / 1000
            )
        }
    }

    @Test func tenThousandInstancesCommitAndReadQuickly() throws {
        try withStatePath { path in
            let state = try openState(path)
            let records = Self.instances(10_000)
            let changes = ChangeSet(records.map(StateChange.upsertInstance))

            let commitStart = Date()
            #expect(try state.commit(changes) == 1)
            let commitSeconds = Date().timeIntervalSince(commitStart)

            let readStart = Date()
            let snapshot = try state.snapshot()
            let readSeconds = Date().timeIntervalSince(readStart)

            #expect(commitSeconds < 5)
            #expect(readSeconds < 5)
            #expect(snapshot.resources.count == 10_000)
            #expect(snapshot.resources == records.sorted { $0.address.utf8.lexicographicallyPrecedes($1.address.utf8) })

            // The same records again change nothing.
            #expect(try state.commit(changes) == 1)
            let pullStart = Date()
            let text = try state.pullJSON()
            #expect(Date().timeIntervalSince(pullStart) < 10)
            #expect(text.utf8.count > 1_000_000)
        }
    }
}
