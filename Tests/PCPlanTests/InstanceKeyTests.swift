import PCConfig
import Testing

@Suite("Instance keys in addresses")
struct InstanceKeyTests {
    /// Terraform writes string keys as string literals of the language
    /// (`terraform state list` shows `x["a$${b"]` for the key `a${b`), so an
    /// address always reads back as the same instance.
    @Test(arguments: ["plain", "a${b", "c%{d", "m$$n", "e\u{07}f", "q\"uote\\d\n", "g\u{A0}h", "\u{1F600}"])
    func stringKeysReadBackAsTheSameKey(_ key: String) throws {
        let address = ResourceInstanceAddress(
            resource: ResourceAddress(mode: .managed, type: "terraform_data", name: "x"), key: .key(key))
        let text = address.description
        let parsed = try ResourceInstanceAddress.parse(text).get()
        #expect(parsed == address, "\(text)")
    }

    @Test func keysAreWrittenAsTerraformWritesThem() {
        #expect(InstanceKey.key("a${b").description == #"["a$${b"]"#)
        #expect(InstanceKey.key("e\u{07}f").description == #"["e\u0007f"]"#)
        #expect(InstanceKey.index(3).description == "[3]")
    }
}
