/// Rewrites Terraform's spellings of boolean options into the ones
/// swift-argument-parser understands, so `-check`, `--check`,
/// `-check=true` and `-write=false` all mean what they mean to Terraform.
///
/// Terraform (Go's `flag` package) treats every boolean the same way: the
/// bare name means true and `=value` sets it. ArgumentParser has flags (no
/// value) and options (always a value), so before parsing:
/// - a flag written `-name=true` becomes `--name` and `-name=false` is dropped;
/// - an option whose default is true, written bare (`-list`), becomes `--list=true`.
/// Everything after `--` is left alone.
struct TerraformArguments {
    /// Flags that default to false: `-check`, `-diff`, …
    var flags: Set<String>
    /// Options that default to true and take `=true|false`: `-write`, `-list`.
    var booleanOptions: Set<String>
    /// Options folded into another to keep their relative order, which
    /// ArgumentParser loses between two array options: `-var-file=F`
    /// becomes `--var=<NUL>file:F` when this maps "var-file" to "var".
    /// A NUL cannot appear in a real argument, so the marker is unambiguous.
    var orderedInto: [String: String] = [:]

    static let orderedValueMarker = "\u{0}file:"

    func normalize(_ arguments: [String]) -> [String] {
        var result: [String] = []
        result.reserveCapacity(arguments.count)
        var passThrough = false
        var pendingMerge: String?
        for argument in arguments {
            if let target = pendingMerge {
                result.append("--\(target)=\(TerraformArguments.orderedValueMarker)\(argument)")
                pendingMerge = nil
                continue
            }
            if passThrough || argument == "--" || !argument.hasPrefix("-") || argument == "-" {
                passThrough = passThrough || argument == "--"
                result.append(argument)
                continue
            }
            let body = argument.hasPrefix("--") ? argument.dropFirst(2) : argument.dropFirst()
            let name: Substring
            let value: Substring?
            if let equals = body.firstIndex(of: "=") {
                name = body[..<equals]
                value = body[body.index(after: equals)...]
            } else {
                name = body
                value = nil
            }
            if let target = orderedInto[String(name)] {
                if let value {
                    result.append("--\(target)=\(TerraformArguments.orderedValueMarker)\(value)")
                } else {
                    pendingMerge = target
                }
            } else if flags.contains(String(name)), let value {
                switch TerraformBool(argument: String(value))?.value {
                case true?: result.append("--\(name)")
                case false?: break
                case nil: result.append(argument) // let the parser report it
                }
            } else if booleanOptions.contains(String(name)), value == nil {
                result.append("--\(name)=true")
            } else {
                result.append(argument)
            }
        }
        if pendingMerge != nil { result.append(arguments.last!) }
        return result
    }
}
