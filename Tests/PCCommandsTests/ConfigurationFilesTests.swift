@testable import PCCommands
import PCConfig
import Testing

@Suite struct ConfigurationFilesTests {
    @Test func listsConfigurationInNameOrderSkippingHiddenAndScratchFiles() throws {
        let sandbox = try Sandbox()
        for name in ["b.pcl", "a.pcl", "vars.pclvars", "x.auto.pclvars", "notes.txt", ".hidden.pcl", "a.pcl~",
                     "#a.pcl#", "sub/c.pcl", "sub/deeper/d.pcl", ".git/e.pcl", "z.pcl"] {
            try sandbox.write(name, "")
        }
        let flat = ConfigurationFiles.collect(
            displayPath: ".", path: sandbox.root, recursive: false, include: ConfigurationFiles.isFormattable)
        #expect(flat.problems.isEmpty)
        #expect(flat.files.map(\.displayPath) == ["a.pcl", "b.pcl", "vars.pclvars", "x.auto.pclvars", "z.pcl"])
        #expect(flat.files[0].path == sandbox.root + "/a.pcl")

        let deep = ConfigurationFiles.collect(
            displayPath: "conf/", path: sandbox.root, recursive: true, include: ConfigurationFiles.isConfiguration)
        #expect(deep.files.map(\.displayPath)
            == ["conf/a.pcl", "conf/b.pcl", "conf/sub/c.pcl", "conf/sub/deeper/d.pcl", "conf/z.pcl"])
    }

    @Test func missingDirectoryIsADiagnostic() {
        let result = ConfigurationFiles.collect(
            displayPath: "nowhere", path: "/nonexistent/pcplan/dir", recursive: false, include: { _ in true })
        #expect(result.files.isEmpty)
        #expect(result.problems.map(\.code) == [.fileNotFound])
        #expect(result.problems.first?.detail.contains("\"nowhere\"") == true)
    }

    @Test func readsFilesExactlyAsBytes() throws {
        let sandbox = try Sandbox()
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF, 0x61, 0x0D, 0x0A, 0xFF, 0x00] + Array(repeating: 0x41, count: 200_000)
        try sandbox.write("raw.pcl", bytes: bytes)
        #expect(try FileSystem.readFile(at: sandbox.path("raw.pcl")).get() == bytes)
        #expect(FileSystem.kind(at: sandbox.path("raw.pcl")) == .file)
        #expect(FileSystem.kind(at: sandbox.root) == .directory)
        #expect(FileSystem.kind(at: sandbox.path("none")) == .missing)
        if case .failure(let failure) = FileSystem.readFile(at: sandbox.root) {
            #expect(failure.diagnostic(displayPath: "d").code == .fileUnreadable)
        } else {
            Issue.record("reading a directory as a file succeeded")
        }
    }
}
