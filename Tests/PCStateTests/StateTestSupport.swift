import Foundation
@testable import PCState

/// A fresh directory under the system's temporary directory, removed after
/// `body` returns or throws.
func withTemporaryDirectory<Result>(_ body: (URL) throws -> Result) throws -> Result {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("pcstate-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    return try body(directory)
}

/// A state file path in a fresh temporary directory.
func withStatePath<Result>(_ body: (String) throws -> Result) throws -> Result {
    try withTemporaryDirectory { directory in
        try body(directory.appendingPathComponent("pcplan.state.db").path)
    }
}

let testVersion = "0.2.0-test"

func openState(_ path: String, version: String = testVersion) throws -> SQLiteStateBackend {
    try SQLiteStateBackend(path: path, pcplanVersion: version)
}

/// A time with whole milliseconds, as the state stores them.
func testDate(_ milliseconds: Int64) -> Date {
    Date(timeIntervalSince1970: Double(milliseconds) / 1000)
}

/// A plain managed instance at the root, for tests that do not care about
/// most fields.
func record(
    _ address: String,
    type: String = "pcplan_data",
    name: String? = nil,
    index: InstanceKey? = nil,
    attributes: String = #"{"id":"x"}"#,
    at milliseconds: Int64 = 1_763_900_000_000
) -> ResourceInstanceRecord {
    ResourceInstanceRecord(
        address: address, type: type, name: name ?? String(address.split(separator: ".").last ?? "this"),
        indexKey: index, provider: #"provider["pcplan/builtin"]"#, attributesJSON: attributes,
        createdAt: testDate(milliseconds)
    )
}

/// The bytes of a file, to prove it was not changed.
func fileBytes(_ path: String) throws -> Data {
    try Data(contentsOf: URL(fileURLWithPath: path))
}
