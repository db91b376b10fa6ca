#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension FunctionLibrary {
    /// Date and time functions over RFC 3339 timestamps.
    static var dateTimeFunctions: [Function] {
        [
            Function(
                name: "formatdate",
                parameters: [FunctionParameter("format", .string), FunctionParameter("time", .string)],
                returnType: .string,
                summary: "Formats an RFC 3339 timestamp with a format string of letter mnemonics (YYYY, MM, DD, hh, mm, ss, ZZZ, …)."
            ) { arguments, _ throws(FunctionError) in
                let timestamp: Timestamp
                switch Timestamp.parseStrict(arguments[1].stringValue!) {
                case .success(let parsed): timestamp = parsed
                case .failure(let error): throw FunctionError(argument: 1, "Invalid value for \"time\" parameter: \(error.message).")
                }
                do throws(DateFormat.Invalid) {
                    return .string(try DateFormat.format(arguments[0].stringValue!, timestamp))
                } catch {
                    throw FunctionError(argument: 0, "Invalid value for \"format\" parameter: \(error.message).")
                }
            },
            Function(
                name: "plantimestamp", parameters: [], returnType: .string,
                summary: "Returns the time the plan started, as an RFC 3339 timestamp, fixed for the whole plan."
            ) { _, context in
                context.planTimestamp.isEmpty ? .unknown(.string) : .string(context.planTimestamp)
            },
            Function(
                name: "timeadd",
                parameters: [FunctionParameter("timestamp", .string), FunctionParameter("duration", .string)],
                returnType: .string,
                summary: "Adds a duration such as \"1h30m\" or \"-10s\" to an RFC 3339 timestamp."
            ) { arguments, _ throws(FunctionError) in
                let timestamp: Timestamp
                switch Timestamp.parseStrict(arguments[0].stringValue!) {
                case .success(let parsed): timestamp = parsed
                case .failure(let error): throw FunctionError(argument: 0, "Invalid value for \"timestamp\" parameter: \(error.message).")
                }
                let duration: Int64
                do throws(GoDuration.Invalid) {
                    duration = try GoDuration.parse(arguments[1].stringValue!)
                } catch {
                    throw FunctionError(argument: 1, "Invalid value for \"duration\" parameter: \(error.message).")
                }
                return .string(timestamp.adding(nanoseconds: duration).rfc3339)
            },
            Function(
                name: "timecmp",
                parameters: [FunctionParameter("timestamp_a", .string), FunctionParameter("timestamp_b", .string)],
                returnType: .number,
                summary: "Compares two RFC 3339 timestamps: -1 if the first is earlier, 0 if equal, 1 if later."
            ) { arguments, _ throws(FunctionError) in
                var timestamps: [Timestamp] = []
                for (index, name) in ["timestamp_a", "timestamp_b"].enumerated() {
                    switch Timestamp.parseLenient(arguments[index].stringValue!) {
                    case .success(let parsed): timestamps.append(parsed)
                    case .failure(let error): throw FunctionError(argument: index, "Invalid value for \"\(name)\" parameter: \(error.message).")
                    }
                }
                return .number(timestamps[0].compare(to: timestamps[1]))
            },
            Function(
                name: "timestamp", parameters: [], returnType: .string, isImpure: true,
                summary: "Returns the current time as an RFC 3339 timestamp in UTC."
            ) { _, _ in
                .string(Timestamp.now().rfc3339)
            },
        ]
    }
}

extension Timestamp {
    /// The current time in UTC, to the second.
    static func now() -> Timestamp {
        let seconds = Int(time(nil))
        let epoch = Timestamp(year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, nanosecond: 0, offset: 0)
        return epoch.adding(nanoseconds: Int64(seconds) * 1_000_000_000)
    }
}
