import PCLang

/// The saved plan of `pcplan plan -out FILE`, read back by `pcplan apply
/// FILE` and `pcplan show FILE`.
///
/// Layout (integers big-endian):
///
///     0   8 bytes   signature "\x89PCPLAN\n" (the high byte and the newline
///                   catch transfers that mangle binary files as text)
///     8   4 bytes   format version (`formatVersion`)
///     12  8 bytes   length of the body
///     20  32 bytes  SHA-256 of the body
///     52  body      the `Plan`, field by field (see `PlanFileWriter`)
///
/// The body holds everything in `Plan`, values with their types, unknowns
/// and sensitive marks at any depth, so `decode(encode(plan))` is the same
/// plan. Dictionaries are written in sorted key order, so the same plan
/// always gives the same bytes. Any change to the body's layout bumps
/// `formatVersion`; a file of a later version is refused with a message,
/// never misread.
///
/// The file holds sensitive values in clear, as the state does: it is a
/// secret to keep like the state.
///
/// One limit, from `Number`'s public API: a number that is an exact
/// fraction without a finite decimal expansion (`1/3`) is saved as its
/// 154-digit rounding, and a number past `Number.plainNotationLimit`
/// characters cannot be read back (the file is refused as damaged).
public enum PlanFile {
    /// The layout version written by this pcplan; it reads this one only.
    public static let formatVersion: UInt32 = 1
    static let signature: [UInt8] = [0x89, 0x50, 0x43, 0x50, 0x4C, 0x41, 0x4E, 0x0A]
    static let headerLength = 52

    /// The plan as plan-file bytes.
    public static func encode(_ plan: Plan) -> [UInt8] {
        var writer = PlanFileWriter()
        writer.plan(plan)
        let body = writer.bytes
        var file: [UInt8] = []
        file.reserveCapacity(headerLength + body.count)
        file.append(contentsOf: signature)
        appendBigEndian(UInt64(formatVersion), byteCount: 4, to: &file)
        appendBigEndian(UInt64(body.count), byteCount: 8, to: &file)
        file.append(contentsOf: sha256(body[...]))
        file.append(contentsOf: body)
        return file
    }

    /// Reads a plan file, refusing with a message that says what is wrong
    /// and what to do: not a plan file, a later format, truncated, changed
    /// or damaged.
    public static func decode(_ bytes: [UInt8]) throws(PlanFileError) -> Plan {
        if bytes.isEmpty {
            throw PlanFileError("The plan file is empty. Save a plan with pcplan plan -out FILE.")
        }
        let signed = bytes.count >= signature.count && bytes[0..<signature.count].elementsEqual(signature)
        if !signed {
            if bytes.count < signature.count && signature.starts(with: bytes) {
                throw truncated("it ends inside its header, after \(bytes.count) bytes")
            }
            if bytes.starts(with: [0x50, 0x4B]) {
                throw PlanFileError(
                    "This looks like a Terraform plan file: pcplan reads only plans saved by pcplan plan -out.")
            }
            throw PlanFileError(
                "This is not a pcplan plan file: it does not start with a plan file's signature. Give the file saved by pcplan plan -out.")
        }
        guard bytes.count >= headerLength else {
            throw truncated("it ends inside its header, after \(bytes.count) bytes")
        }
        let version = readBigEndian(bytes, at: 8, byteCount: 4)
        if version > UInt64(formatVersion) {
            throw PlanFileError(
                "The plan file was saved by a newer pcplan (plan file format \(version); this pcplan reads format \(formatVersion)). Apply it with the pcplan that saved it, or run pcplan plan again.")
        }
        if version != UInt64(formatVersion) {
            throw PlanFileError(
                "The plan file has format version \(version), which no pcplan writes: the file is damaged. Run pcplan plan again.")
        }
        let declared = readBigEndian(bytes, at: 12, byteCount: 8)
        let present = UInt64(bytes.count - headerLength)
        if declared > present {
            throw truncated("it should hold \(declared) bytes of plan after its header but holds \(present)")
        }
        if declared < present {
            throw PlanFileError(
                "The plan file has \(present - declared) unexpected bytes after the end of the plan: it was damaged or appended to. Run pcplan plan again.")
        }
        let body = bytes[headerLength...]
        guard sha256(body).elementsEqual(bytes[20..<headerLength]) else {
            throw PlanFileError(
                "The plan file is corrupt: its content does not match its SHA-256 checksum, so it was changed or damaged after pcplan saved it. Run pcplan plan again.")
        }
        var reader = PlanFileReader(bytes: body)
        do throws(PlanFileReader.Failure) {
            let plan = try reader.plan()
            try reader.expectEnd()
            return plan
        } catch {
            throw PlanFileError(
                "The plan file is damaged: \(error.detail), at byte \(headerLength + error.offset). Run pcplan plan again.")
        }
    }

    /// Nil when the plan can still be applied to a state at
    /// `stateLineage`/`stateSerial` with a configuration of
    /// `configurationDigest`; otherwise why not, for the user.
    public static func checkCurrent(
        _ plan: Plan, stateLineage: String?, stateSerial: Int, configurationDigest: String
    ) -> String? {
        switch (plan.stateLineage, stateLineage) {
        case let (planned?, current?) where planned != current:
            return "The saved plan was made against a different state (lineage \(planned)), but this state has lineage \(current). Run pcplan plan again against this state."
        case (_?, nil):
            return "The saved plan was made against state serial \(plan.stateSerial) of lineage \(plan.stateLineage!), but there is no state now: it was removed or replaced. Run pcplan plan again."
        case (nil, let current?) where stateSerial != plan.stateSerial:
            return "The saved plan was made when there was no state yet, but the state (lineage \(current)) is now at serial \(stateSerial): something was applied since. Run pcplan plan again."
        default:
            break
        }
        let lineage = plan.stateLineage ?? stateLineage ?? "(none)"
        if stateSerial > plan.stateSerial {
            return "The saved plan was made against state serial \(plan.stateSerial) of lineage \(lineage), but the state is now at serial \(stateSerial): something was applied since. Run pcplan plan again."
        }
        if stateSerial < plan.stateSerial {
            return "The saved plan was made against state serial \(plan.stateSerial) of lineage \(lineage), but the state is now at serial \(stateSerial), an older one: the state was restored or replaced. Run pcplan plan again."
        }
        if configurationDigest != plan.configurationDigest {
            return "The configuration changed since the plan was saved (digest \(plan.configurationDigest.prefix(12)), now \(configurationDigest.prefix(12))). Run pcplan plan again."
        }
        return nil
    }

    private static func truncated(_ detail: String) -> PlanFileError {
        PlanFileError("The plan file is truncated: \(detail). It was probably not copied whole; copy it again or run pcplan plan again.")
    }

    static func sha256(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        Digest.sha256.hash(bytes)
    }

    private static func appendBigEndian(_ value: UInt64, byteCount: Int, to bytes: inout [UInt8]) {
        for shift in stride(from: (byteCount - 1) * 8, through: 0, by: -8) {
            bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
        }
    }

    private static func readBigEndian(_ bytes: [UInt8], at offset: Int, byteCount: Int) -> UInt64 {
        var value: UInt64 = 0
        for byte in bytes[offset..<offset + byteCount] {
            value = value << 8 | UInt64(byte)
        }
        return value
    }
}

/// Why a saved plan cannot be used; `message` is for the user as it is.
public struct PlanFileError: Error, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// Writes a plan file's body: unsigned integers as LEB128 varints, signed
/// ones zigzag-encoded, strings as length and UTF-8 bytes, optionals as a
/// presence byte, enums by their raw strings (so a reordering of cases
/// cannot change a file's meaning), dictionaries in sorted key order.
struct PlanFileWriter {
    private(set) var bytes: [UInt8] = []

    mutating func plan(_ plan: Plan) {
        string(plan.mode.rawValue)
        string(plan.pcplanVersion)
        optionalString(plan.stateLineage)
        int(plan.stateSerial)
        string(plan.configurationDigest)
        string(plan.timestamp)
        count(plan.variables.count)
        for name in plan.variables.keys.sorted(by: Value.keyOrder) {
            string(name)
            value(plan.variables[name]!)
        }
        count(plan.resourceChanges.count)
        plan.resourceChanges.forEach { resourceChange($0) }
        count(plan.resourceDrift.count)
        plan.resourceDrift.forEach { resourceChange($0) }
        count(plan.outputChanges.count)
        for change in plan.outputChanges {
            string(change.name)
            string(change.action.rawValue)
            value(change.before)
            value(change.after)
            bool(change.isSensitive)
        }
        strings(plan.targets)
    }

    mutating func resourceChange(_ change: ResourceChange) {
        string(change.address)
        optionalString(change.previousAddress)
        optionalString(change.moduleAddress)
        string(change.mode.rawValue)
        string(change.type)
        string(change.name)
        optionalValue(change.index)
        string(change.provider)
        string(change.action.rawValue)
        optionalString(change.reason?.rawValue)
        value(change.before)
        value(change.after)
        count(change.replacePaths.count)
        for path in change.replacePaths {
            count(path.steps.count)
            for step in path.steps {
                switch step {
                case .attribute(let name):
                    bytes.append(0)
                    string(name)
                case .index(let key):
                    bytes.append(1)
                    value(key)
                }
            }
        }
        count(change.unknownReasons.count)
        for key in change.unknownReasons.keys.sorted(by: Value.keyOrder) {
            string(key)
            string(change.unknownReasons[key]!)
        }
        strings(change.jsonAttributes.sorted(by: Value.keyOrder))
        strings(change.dependencies)
        value(change.configuration)
        optionalString(change.deposedKey)
    }

    /// A value: one tag byte (kind, plus `sensitiveFlag` when marked), then
    /// the kind's content.
    mutating func value(_ value: Value) {
        let mark: UInt8 = value.isSensitive ? ValueTag.sensitiveFlag : 0
        switch value.content {
        case .null(let type):
            bytes.append(ValueTag.null | mark)
            self.type(type)
        case .unknown(let type):
            bytes.append(ValueTag.unknown | mark)
            self.type(type)
        case .bool(let flag):
            bytes.append((flag ? ValueTag.true : ValueTag.false) | mark)
        case .number(let number):
            bytes.append(ValueTag.number | mark)
            string(number.description)
        case .string(let text):
            bytes.append(ValueTag.string | mark)
            string(text)
        case .list(let elements, let element), .set(let elements, let element):
            if case .list = value.content { bytes.append(ValueTag.list | mark) } else { bytes.append(ValueTag.set | mark) }
            type(element)
            count(elements.count)
            for item in elements { self.value(item) }
        case .tuple(let elements):
            bytes.append(ValueTag.tuple | mark)
            count(elements.count)
            for item in elements { self.value(item) }
        case .map(let attributes, let element):
            bytes.append(ValueTag.map | mark)
            type(element)
            members(attributes)
        case .object(let attributes):
            bytes.append(ValueTag.object | mark)
            members(attributes)
        }
    }

    mutating func type(_ type: ValueType) {
        switch type {
        case .string: bytes.append(TypeTag.string)
        case .number: bytes.append(TypeTag.number)
        case .bool: bytes.append(TypeTag.bool)
        case .dynamic: bytes.append(TypeTag.dynamic)
        case .list(let element):
            bytes.append(TypeTag.list)
            self.type(element)
        case .set(let element):
            bytes.append(TypeTag.set)
            self.type(element)
        case .map(let element):
            bytes.append(TypeTag.map)
            self.type(element)
        case .tuple(let elements):
            bytes.append(TypeTag.tuple)
            count(elements.count)
            for element in elements { self.type(element) }
        case .object(let attributes):
            bytes.append(TypeTag.object)
            count(attributes.count)
            for name in attributes.keys.sorted(by: Value.keyOrder) {
                string(name)
                self.type(attributes[name]!)
            }
        }
    }

    private mutating func members(_ attributes: [String: Value]) {
        count(attributes.count)
        for key in Value.sortedKeys(attributes) {
            string(key)
            value(attributes[key]!)
        }
    }

    private mutating func strings(_ list: [String]) {
        count(list.count)
        for item in list { string(item) }
    }

    private mutating func optionalString(_ text: String?) {
        bool(text != nil)
        if let text { string(text) }
    }

    private mutating func optionalValue(_ item: Value?) {
        bool(item != nil)
        if let item { value(item) }
    }

    mutating func bool(_ flag: Bool) { bytes.append(flag ? 1 : 0) }

    mutating func count(_ count: Int) { unsigned(UInt64(count)) }

    mutating func int(_ number: Int) {
        let wide = Int64(number)
        unsigned(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)))
    }

    mutating func unsigned(_ number: UInt64) {
        var rest = number
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func string(_ text: String) {
        count(text.utf8.count)
        bytes.append(contentsOf: text.utf8)
    }
}

enum ValueTag {
    static let null: UInt8 = 0
    static let unknown: UInt8 = 1
    static let `false`: UInt8 = 2
    static let `true`: UInt8 = 3
    static let number: UInt8 = 4
    static let string: UInt8 = 5
    static let list: UInt8 = 6
    static let set: UInt8 = 7
    static let map: UInt8 = 8
    static let tuple: UInt8 = 9
    static let object: UInt8 = 10
    static let sensitiveFlag: UInt8 = 0x80
}

enum TypeTag {
    static let string: UInt8 = 0
    static let number: UInt8 = 1
    static let bool: UInt8 = 2
    static let dynamic: UInt8 = 3
    static let list: UInt8 = 4
    static let set: UInt8 = 5
    static let map: UInt8 = 6
    static let tuple: UInt8 = 7
    static let object: UInt8 = 8
}

/// Reads what `PlanFileWriter` wrote. The checksum has already vouched for
/// the bytes, but the reader still trusts nothing: every count is checked
/// against the bytes left, nesting is bounded, and every failure is a
/// `Failure` with the offset where reading stopped.
struct PlanFileReader {
    struct Failure: Error {
        var detail: String
        var offset: Int
    }

    /// Deeper values than any configuration makes; the bound keeps a
    /// crafted file from exhausting the stack.
    static let maximumDepth = 1_000

    private let bytes: ArraySlice<UInt8>
    private var position: Int

    init(bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.position = bytes.startIndex
    }

    private var offset: Int { position - bytes.startIndex }

    mutating func expectEnd() throws(Failure) {
        if position != bytes.endIndex { throw Failure(detail: "unexpected bytes after the plan", offset: offset) }
    }

    mutating func plan() throws(Failure) -> Plan {
        let mode = try enumeration(Plan.Mode.self, "plan mode")
        let version = try string()
        let lineage = try optionalString()
        let serial = try int()
        let digest = try string()
        let timestamp = try string()
        var variables: [String: Value] = [:]
        for _ in 0..<(try count()) {
            let name = try string()
            variables[name] = try value(depth: 0)
        }
        var changes: [ResourceChange] = []
        for _ in 0..<(try count()) { changes.append(try resourceChange()) }
        var drift: [ResourceChange] = []
        for _ in 0..<(try count()) { drift.append(try resourceChange()) }
        var outputs: [OutputChange] = []
        for _ in 0..<(try count()) {
            outputs.append(OutputChange(
                name: try string(), action: try enumeration(ChangeAction.self, "action"),
                before: try value(depth: 0), after: try value(depth: 0), isSensitive: try bool()))
        }
        return Plan(
            mode: mode, pcplanVersion: version, stateLineage: lineage, stateSerial: serial,
            configurationDigest: digest, timestamp: timestamp, variables: variables, resourceChanges: changes,
            resourceDrift: drift, outputChanges: outputs, targets: try strings())
    }

    mutating func resourceChange() throws(Failure) -> ResourceChange {
        let address = try string()
        let previous = try optionalString()
        let module = try optionalString()
        let mode = try enumeration(ResourceChange.Mode.self, "resource mode")
        let type = try string()
        let name = try string()
        let index: Value? = try bool() ? value(depth: 0) : nil
        let provider = try string()
        let action = try enumeration(ChangeAction.self, "action")
        let reason: ActionReason? = try bool() ? enumeration(ActionReason.self, "action reason") : nil
        let before = try value(depth: 0)
        let after = try value(depth: 0)
        var replacePaths: [ValuePath] = []
        for _ in 0..<(try count()) {
            var steps: [PathStep] = []
            for _ in 0..<(try count()) {
                switch try byte() {
                case 0: steps.append(.attribute(try string()))
                case 1: steps.append(.index(try value(depth: 0)))
                case let other: throw Failure(detail: "unknown path step kind \(other)", offset: offset - 1)
                }
            }
            replacePaths.append(ValuePath(steps))
        }
        var reasons: [String: String] = [:]
        for _ in 0..<(try count()) {
            let key = try string()
            reasons[key] = try string()
        }
        let jsonAttributes = Set(try strings())
        let dependencies = try strings()
        let configuration = try value(depth: 0)
        let deposed = try optionalString()
        return ResourceChange(
            address: address, previousAddress: previous, moduleAddress: module, mode: mode, type: type, name: name,
            index: index, provider: provider, action: action, reason: reason, before: before, after: after,
            replacePaths: replacePaths, unknownReasons: reasons, jsonAttributes: jsonAttributes,
            dependencies: dependencies, configuration: configuration, deposedKey: deposed)
    }

    mutating func value(depth: Int) throws(Failure) -> Value {
        guard depth <= PlanFileReader.maximumDepth else {
            throw Failure(detail: "a value nested more than \(PlanFileReader.maximumDepth) levels deep", offset: offset)
        }
        let start = offset
        let tag = try byte()
        let sensitive = tag & ValueTag.sensitiveFlag != 0
        let content: Value.Content
        switch tag & ~ValueTag.sensitiveFlag {
        case ValueTag.null: content = .null(try type(depth: depth + 1))
        case ValueTag.unknown: content = .unknown(try type(depth: depth + 1))
        case ValueTag.false: content = .bool(false)
        case ValueTag.true: content = .bool(true)
        case ValueTag.number:
            let text = try string()
            guard let number = Number(parsing: text) else {
                throw Failure(detail: "the number \(text.prefix(40)) cannot be read", offset: start)
            }
            content = .number(number)
        case ValueTag.string: content = .string(try string())
        case ValueTag.list, ValueTag.set:
            let element = try type(depth: depth + 1)
            let elements = try values(depth: depth)
            content = tag & ~ValueTag.sensitiveFlag == ValueTag.list
                ? .list(elements, element: element) : .set(elements, element: element)
        case ValueTag.tuple: content = .tuple(try values(depth: depth))
        case ValueTag.map:
            let element = try type(depth: depth + 1)
            content = .map(try members(depth: depth), element: element)
        case ValueTag.object: content = .object(try members(depth: depth))
        default:
            throw Failure(detail: "unknown value kind \(tag)", offset: start)
        }
        return Value(content, sensitive: sensitive)
    }

    private mutating func values(depth: Int) throws(Failure) -> [Value] {
        let count = try count()
        var elements: [Value] = []
        elements.reserveCapacity(count)
        for _ in 0..<count { elements.append(try value(depth: depth + 1)) }
        return elements
    }

    private mutating func members(depth: Int) throws(Failure) -> [String: Value] {
        let count = try count()
        var attributes: [String: Value] = [:]
        attributes.reserveCapacity(count)
        for _ in 0..<count {
            let key = try string()
            attributes[key] = try value(depth: depth + 1)
        }
        return attributes
    }

    mutating func type(depth: Int) throws(Failure) -> ValueType {
        guard depth <= PlanFileReader.maximumDepth else {
            throw Failure(detail: "a type nested more than \(PlanFileReader.maximumDepth) levels deep", offset: offset)
        }
        let tag = try byte()
        switch tag {
        case TypeTag.string: return .string
        case TypeTag.number: return .number
        case TypeTag.bool: return .bool
        case TypeTag.dynamic: return .dynamic
        case TypeTag.list: return .list(try type(depth: depth + 1))
        case TypeTag.set: return .set(try type(depth: depth + 1))
        case TypeTag.map: return .map(try type(depth: depth + 1))
        case TypeTag.tuple:
            var elements: [ValueType] = []
            for _ in 0..<(try count()) { elements.append(try type(depth: depth + 1)) }
            return .tuple(elements)
        case TypeTag.object:
            var attributes: [String: ValueType] = [:]
            for _ in 0..<(try count()) {
                let name = try string()
                attributes[name] = try type(depth: depth + 1)
            }
            return .object(attributes)
        default:
            throw Failure(detail: "unknown type kind \(tag)", offset: offset - 1)
        }
    }

    private mutating func enumeration<T: RawRepresentable>(_: T.Type, _ what: String) throws(Failure) -> T
    where T.RawValue == String {
        let start = offset
        let raw = try string()
        guard let result = T(rawValue: raw) else {
            throw Failure(detail: "unknown \(what) \"\(raw.prefix(40))\"", offset: start)
        }
        return result
    }

    private mutating func strings() throws(Failure) -> [String] {
        var list: [String] = []
        for _ in 0..<(try count()) { list.append(try string()) }
        return list
    }

    private mutating func optionalString() throws(Failure) -> String? {
        try bool() ? string() : nil
    }

    mutating func string() throws(Failure) -> String {
        let start = offset
        let length = try count()
        let end = position + length
        guard let text = String(validating: bytes[position..<end], as: UTF8.self) else {
            throw Failure(detail: "a string that is not valid UTF-8", offset: start)
        }
        position = end
        return text
    }

    private mutating func bool() throws(Failure) -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        case let other: throw Failure(detail: "a flag of \(other), where 0 or 1 belongs", offset: offset - 1)
        }
    }

    /// A count of things to follow; each takes at least one byte, so a
    /// count beyond the bytes left is damage, caught before allocating.
    private mutating func count() throws(Failure) -> Int {
        let start = offset
        let number = try unsigned()
        guard number <= UInt64(bytes.endIndex - position) else {
            throw Failure(detail: "a count of \(number), more than the \(bytes.endIndex - position) bytes left", offset: start)
        }
        return Int(number)
    }

    private mutating func int() throws(Failure) -> Int {
        let raw = try unsigned()
        let decoded = Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
        return Int(decoded)
    }

    private mutating func unsigned() throws(Failure) -> UInt64 {
        let start = offset
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            if shift == 63 && next > 1 || shift > 63 {
                throw Failure(detail: "an integer too large", offset: start)
            }
            result |= UInt64(next & 0x7F) << shift
            if next & 0x80 == 0 { return result }
            shift += 7
        }
    }

    private mutating func byte() throws(Failure) -> UInt8 {
        guard position < bytes.endIndex else {
            throw Failure(detail: "the plan ends too early", offset: offset)
        }
        defer { position += 1 }
        return bytes[position]
    }
}
