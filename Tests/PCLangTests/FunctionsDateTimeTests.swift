import Testing
@testable import PCLang

// Expected results and messages were taken from Terraform 1.11.4's
// `terraform console`. Terraform reports timestamp and duration problems of
// `timeadd` without naming the argument; pcplan names it, with the same
// words.

private func str(_ text: String) -> Value { .string(text) }

private func call(_ name: String, _ arguments: [Value], context: FunctionContext = FunctionContext(baseDirectory: ".")) throws(FunctionError) -> Value {
    let library = FunctionLibrary.standard
    return try library.call(library.function(named: name)!, arguments: arguments, context: context)
}

struct DateTimeCase: Sendable, CustomTestStringConvertible {
    let function: String
    let arguments: [String]
    let expected: String
    var testDescription: String { "\(function)(\(arguments.map(\.debugDescription).joined(separator: ", ")))" }
    init(_ function: String, _ arguments: [String], _ expected: String) {
        self.function = function
        self.arguments = arguments
        self.expected = expected
    }
}

struct DateTimeFailure: Sendable, CustomTestStringConvertible {
    let function: String
    let arguments: [String]
    let argument: Int
    let message: String
    var testDescription: String { "\(function)(\(arguments.map(\.debugDescription).joined(separator: ", ")))" }
    init(_ function: String, _ arguments: [String], _ argument: Int, _ message: String) {
        self.function = function
        self.arguments = arguments
        self.argument = argument
        self.message = message
    }
}

private let results: [DateTimeCase] = [
    .init("formatdate", ["DD MMM YYYY hh:mm ZZZ", "2018-01-02T23:12:01Z"], "02 Jan 2018 23:12 UTC"),
    .init("formatdate", ["EEEE, DD-MMM-YY hh:mm:ss ZZZ", "2018-01-02T23:12:01Z"], "Tuesday, 02-Jan-18 23:12:01 UTC"),
    .init("formatdate", ["EEE, DD MMM YYYY hh:mm:ss ZZZ", "2018-01-02T23:12:01-08:00"], "Tue, 02 Jan 2018 23:12:01 -0800"),
    .init("formatdate", ["MMM DD, YYYY", "2018-01-02T23:12:01Z"], "Jan 02, 2018"),
    .init("formatdate", ["HH:mmaa", "2018-01-02T23:12:01Z"], "11:12pm"),
    .init("formatdate", ["h'h'mm", "2018-01-02T23:12:01Z"], "23h12"),
    .init("formatdate", ["'It''s' hh 'o''clock'", "2018-01-02T23:12:01Z"], "It's 23 o'clock"),
    .init("formatdate", ["''", "2018-01-02T23:12:01Z"], "'"),
    .init("formatdate", ["Z ZZZ ZZZZ ZZZZZ", "2018-01-02T23:12:01Z"], "Z UTC +0000 +00:00"),
    .init("formatdate", ["Z ZZZ ZZZZ ZZZZZ", "2018-01-02T23:12:01+05:30"], "+05:30 +0530 +0530 +05:30"),
    .init("formatdate", ["Z ZZZ ZZZZ ZZZZZ", "2018-01-02T23:12:01-00:00"], "Z UTC +0000 +00:00"),
    .init("formatdate", ["Z ZZZ ZZZZ ZZZZZ", "2018-01-02T23:12:01+00:00"], "Z UTC +0000 +00:00"),
    .init("formatdate", ["YYYY-MM-DD 123 !@#", "2018-01-02T23:12:01Z"], "2018-01-02 123 !@#"),
    .init("formatdate", ["YY", "0005-01-02T23:12:01Z"], "05"),
    .init("formatdate", ["YYYY", "0005-01-02T23:12:01Z"], "0005"),
    .init("formatdate", ["EEEE", "2024-02-29T00:00:00Z"], "Thursday"),
    .init("formatdate", ["YYYY", "2018-01-02T23:12:01.5Z"], "2018"),
    .init("formatdate", ["ss", "2018-01-02T23:12:01.999999999999Z"], "01"),
    .init("formatdate", ["YYYY", "2018-01-02T23:12:01.123456789123Z"], "2018"),
    .init("formatdate", ["YYYY", "2018-01-02T23:12:01.5+01:00"], "2018"),
    .init("formatdate", ["YYYY", "0000-01-02T23:12:01Z"], "0000"),
    .init("formatdate", ["YYYY", "9999-12-31T23:59:59Z"], "9999"),
    .init("timecmp", ["2018-01-02T3:12:01Z", "2018-01-02T03:12:01Z"], "0"),
    .init("timecmp", ["2018-01-02T23:12:01,5Z", "2018-01-02T23:12:01Z"], "1"),
    .init("timecmp", ["2018-01-02T23:12:01+24:00", "2018-01-02T23:12:01Z"], "-1"),
    .init("timecmp", ["2018-01-02T23:12:01+08:60", "2018-01-02T23:12:01Z"], "-1"),
    .init("timecmp", ["2017-11-22T00:00:00Z", "2017-11-22T00:00:00Z"], "0"),
    .init("timecmp", ["2017-11-22T00:00:00Z", "2017-11-22T01:00:00Z"], "-1"),
    .init("timecmp", ["2017-11-22T01:00:00Z", "2017-11-22T00:00:00Z"], "1"),
    .init("timecmp", ["2017-11-22T01:00:00+01:00", "2017-11-22T00:00:00Z"], "0"),
    .init("timecmp", ["2017-11-22T00:00:00.5Z", "2017-11-22T00:00:00Z"], "1"),
    .init("timeadd", ["2017-11-22T00:00:00Z", "10m"], "2017-11-22T00:10:00Z"),
    .init("timeadd", ["2017-11-22T00:00:00Z", "-10s"], "2017-11-21T23:59:50Z"),
    .init("timeadd", ["2017-11-22T00:00:00Z", "1.5h"], "2017-11-22T01:30:00Z"),
    .init("timeadd", ["2017-11-22T00:00:00Z", "1h30m"], "2017-11-22T01:30:00Z"),
    .init("timeadd", ["2017-11-22T00:00:00Z", "300ms"], "2017-11-22T00:00:00Z"),
    .init("timeadd", ["2017-11-22T00:00:00Z", "2us"], "2017-11-22T00:00:00Z"),
    .init("timeadd", ["2017-11-22T00:00:00.7Z", "300ms"], "2017-11-22T00:00:01Z"),
    .init("timeadd", ["2017-11-22T00:00:00+05:30", "1h"], "2017-11-22T01:00:00+05:30"),
    .init("timeadd", ["2017-11-22T00:00:00-00:00", "1h"], "2017-11-22T01:00:00Z"),
    .init("timeadd", ["2017-11-22T00:00:00Z", "0"], "2017-11-22T00:00:00Z"),
    .init("timeadd", ["2017-11-22T00:00:00Z", "+1h"], "2017-11-22T01:00:00Z"),
    .init("timeadd", ["2017-11-22T00:00:00Z", "1.h"], "2017-11-22T01:00:00Z"),
    .init("timeadd", ["2017-11-22T00:00:00Z", ".5h"], "2017-11-22T00:30:00Z"),
    .init("timeadd", ["2017-11-22T00:00:00Z", "1µs"], "2017-11-22T00:00:00Z"),
    .init("timeadd", ["2017-11-22T00:00:00Z", "1μs"], "2017-11-22T00:00:00Z"),
    .init("timeadd", ["2017-11-22T00:00:00Z", "2562047h"], "2310-03-03T23:00:00Z"),
    .init("timeadd", ["9999-12-31T23:59:59Z", "1s"], "10000-01-01T00:00:00Z"),
    .init("timeadd", ["0000-01-01T00:00:00Z", "-1s"], "-0001-12-31T23:59:59Z"),
    .init("timeadd", ["2017-11-22T00:00:00Z", "-1.5h"], "2017-11-21T22:30:00Z"),
    .init("timeadd", ["2017-11-22T00:00:00Z", "0.000000001s"], "2017-11-22T00:00:00Z"),
    .init("timeadd", ["2017-11-22T00:00:00Z", "1.0000000001s"], "2017-11-22T00:00:01Z"),
    .init("timeadd", ["2024-02-28T23:00:00Z", "1h"], "2024-02-29T00:00:00Z"),
    .init("timeadd", ["2023-12-31T23:59:59+01:00", "1s"], "2024-01-01T00:00:00+01:00"),
    .init("timeadd", ["2017-11-22T00:00:00Z", "-0"], "2017-11-22T00:00:00Z"),
    .init("timeadd", ["2017-11-22T00:00:00Z", "9223372036854775807ns"], "2310-03-03T23:47:16Z"),
    .init("timeadd", ["2017-11-22T00:00:00Z", "-9223372036854775808ns"], "1725-08-13T00:12:43Z"),
    .init("formatdate", ["H:m:s AA M/D h", "2018-01-02T00:05:09Z"], "12:5:9 AM 1/2 0"),
    .init("formatdate", ["HH hh aa", "2018-07-04T12:30:00+02:00"], "12 12 pm"),
    .init("formatdate", ["MMMM EEEE", "2018-09-30T12:30:00-11:30"], "September Sunday"),
    .init("formatdate", ["YYYY-MM-DD'T'hh:mm:ssZ", "2018-01-02T23:12:01.123Z"], "2018-01-02T23:12:01Z"),
    .init("formatdate", ["'ab''", "2018-01-02T23:12:01Z"], "ab'"),
    .init("timeadd", ["2017-11-22T00:00:00.999999999Z", "1ns"], "2017-11-22T00:00:01Z"),
    .init("timeadd", ["2017-11-22T00:00:00Z", "-0.5ns"], "2017-11-22T00:00:00Z"),
    .init("timecmp", ["2017-11-22T00:00:00.000000001Z", "2017-11-22T00:00:00Z"], "1"),
]

private let failures: [DateTimeFailure] = [
    .init("formatdate", ["H:m:s AA a", "2018-01-02T00:05:09Z"], 0, "Invalid value for \"format\" parameter: invalid date format verb \"a\": must be \"aa\"."),
    .init("formatdate", ["'abc", "2018-01-02T23:12:01Z"], 0, "Invalid value for \"format\" parameter: unterminated literal '."),
    .init("formatdate", ["'", "2018-01-02T23:12:01Z"], 0, "Invalid value for \"format\" parameter: unterminated literal '."),
    .init("formatdate", ["ZZ", "2018-01-02T23:12:01Z"], 0, "Invalid value for \"format\" parameter: invalid date format verb \"ZZ\": timezone must be Z, ZZZZ, or ZZZZZ."),
    .init("formatdate", ["YYY", "2018-01-02T23:12:01Z"], 0, "Invalid value for \"format\" parameter: invalid date format verb \"YYY\": year must either be \"YY\" or \"YYYY\"."),
    .init("formatdate", ["Y", "2018-01-02T23:12:01Z"], 0, "Invalid value for \"format\" parameter: invalid date format verb \"Y\": year must either be \"YY\" or \"YYYY\"."),
    .init("formatdate", ["YYYYY", "2018-01-02T23:12:01Z"], 0, "Invalid value for \"format\" parameter: invalid date format verb \"YYYYY\": year must either be \"YY\" or \"YYYY\"."),
    .init("formatdate", ["MMMMM", "2018-01-02T23:12:01Z"], 0, "Invalid value for \"format\" parameter: invalid date format verb \"MMMMM\": month must be \"M\", \"MM\", \"MMM\", or \"MMMM\"."),
    .init("formatdate", ["DDD", "2018-01-02T23:12:01Z"], 0, "Invalid value for \"format\" parameter: invalid date format verb \"DDD\": day of month must either be \"D\" or \"DD\"."),
    .init("formatdate", ["EE", "2018-01-02T23:12:01Z"], 0, "Invalid value for \"format\" parameter: invalid date format verb \"EE\": day of week must either be \"EEE\" or \"EEEE\"."),
    .init("formatdate", ["hhh", "2018-01-02T23:12:01Z"], 0, "Invalid value for \"format\" parameter: invalid date format verb \"hhh\": 24-hour must either be \"h\" or \"hh\"."),
    .init("formatdate", ["HHH", "2018-01-02T23:12:01Z"], 0, "Invalid value for \"format\" parameter: invalid date format verb \"HHH\": 12-hour must either be \"H\" or \"HH\"."),
    .init("formatdate", ["A", "2018-01-02T23:12:01Z"], 0, "Invalid value for \"format\" parameter: invalid date format verb \"A\": must be \"AA\"."),
    .init("formatdate", ["aaa", "2018-01-02T23:12:01Z"], 0, "Invalid value for \"format\" parameter: invalid date format verb \"aaa\": must be \"aa\"."),
    .init("formatdate", ["mmm", "2018-01-02T23:12:01Z"], 0, "Invalid value for \"format\" parameter: invalid date format verb \"mmm\": minute must either be \"m\" or \"mm\"."),
    .init("formatdate", ["sss", "2018-01-02T23:12:01Z"], 0, "Invalid value for \"format\" parameter: invalid date format verb \"sss\": second must either be \"s\" or \"ss\"."),
    .init("formatdate", ["x", "2018-01-02T23:12:01Z"], 0, "Invalid value for \"format\" parameter: invalid date format verb \"x\"."),
    .init("formatdate", ["YYYY", "2018-02-30T23:12:01Z"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: day out of range."),
    .init("formatdate", ["YYYY", "2018-01-02"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: missing required time introducer 'T'."),
    .init("formatdate", ["YYYY", "2018-01-02T23:12:01"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: end of string before UTC offset."),
    .init("formatdate", ["YYYY", "2018-01-02 23:12:01Z"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: missing required time introducer 'T'."),
    .init("formatdate", ["YYYY", "2018-01-02t23:12:01Z"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: missing required time introducer 'T'."),
    .init("formatdate", ["YYYY", "2018-01-02T23:12:01z"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: cannot use \"z\" as UTC offset."),
    .init("formatdate", ["YYYY", "2018-01-02T24:12:01Z"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: hour must be between 0 and 23 inclusive."),
    .init("formatdate", ["YYYY", "2018-01-02T23:60:01Z"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: minute must have exactly two digits."),
    .init("formatdate", ["YYYY", "2018-01-02T23:12:60Z"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: cannot use \"Z\" as second."),
    .init("formatdate", ["YYYY", "2018-13-02T23:12:01Z"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: cannot use \"-02T23:12:01Z\" as month."),
    .init("formatdate", ["YYYY", "2018-00-02T23:12:01Z"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: cannot use \"-02T23:12:01Z\" as month."),
    .init("formatdate", ["YYYY", "2018-01-32T23:12:01Z"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: day out of range."),
    .init("formatdate", ["YYYY", "18-01-02T23:12:01Z"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: cannot use \"18-01-02T23:12:01Z\" as year."),
    .init("formatdate", ["YYYY", "2018-1-02T23:12:01Z"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: cannot use \"1-02T23:12:01Z\" as month."),
    .init("formatdate", ["YYYY", "2018-01-2T23:12:01Z"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: cannot use \"2T23:12:01Z\" as day of month."),
    .init("formatdate", ["YYYY", "2018-01-02T3:12:01Z"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: hour must have exactly two digits."),
    .init("formatdate", ["YYYY", "2018-01-02T23:2:01Z"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: minute must have exactly two digits."),
    .init("formatdate", ["YYYY", "2018-01-02T23:12:1Z"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: cannot use \"1Z\" as second."),
    .init("formatdate", ["YYYY", "2018-01-02T23:12:01,5Z"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: cannot use \",\" as timestamp segment."),
    .init("formatdate", ["YYYY", "2018-01-02T23:12:01+0800"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: cannot use \"+0800\" as UTC offset."),
    .init("formatdate", ["YYYY", "2018-01-02T23:12:01+24:00"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: cannot use \"+24:00\" as UTC offset."),
    .init("formatdate", ["YYYY", "2018-01-02T23:12:01+08:60"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: cannot use \"+08:60\" as UTC offset."),
    .init("formatdate", ["YYYY", "2018-01-02T23:12:01+8:00"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: cannot use \"+8:00\" as UTC offset."),
    .init("formatdate", ["YYYY", "2018-01-02T23:12:01Zjunk"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: cannot use \"junk\" as timestamp segment."),
    .init("formatdate", ["YYYY", ""], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: end of string before year."),
    .init("formatdate", ["YYYY", "x"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: cannot use \"x\" as year."),
    .init("formatdate", ["YYYY", "2018"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: end of string where \"-\" is expected."),
    .init("formatdate", ["YYYY", "2018-"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: end of string before month."),
    .init("formatdate", ["YYYY", "2018-01"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: end of string where \"-\" is expected."),
    .init("formatdate", ["YYYY", "2018-01-02T"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: end of string before hour."),
    .init("formatdate", ["YYYY", "2018-01-02T23"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: end of string where \":\" is expected."),
    .init("formatdate", ["YYYY", "2018-01-02T23:"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: end of string before minute."),
    .init("formatdate", ["YYYY", "2018-01-02T23:12"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: end of string where \":\" is expected."),
    .init("formatdate", ["YYYY", "2018-01-02T23:12:01"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: end of string before UTC offset."),
    .init("formatdate", ["YYYY", "2018/01/02T23:12:01Z"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: found \"/01/02T23:12:01Z\" where \"-\" is expected."),
    .init("formatdate", ["YYYY", "2018-01-02X23:12:01Z"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: missing required time introducer 'T'."),
    .init("formatdate", ["YYYY", "2018-01-02T23-12:01Z"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: found \"-12:01Z\" where \":\" is expected."),
    .init("formatdate", ["YYYY", "2018-01-02T23:12-01Z"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: found \"-01Z\" where \":\" is expected."),
    .init("formatdate", ["YYYY", "abcd-01-02T23:12:01Z"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: cannot use \"abcd-01-02T23:12:01Z\" as year."),
    .init("formatdate", ["YYYY", "2018-ab-02T23:12:01Z"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: cannot use \"ab-02T23:12:01Z\" as month."),
    .init("formatdate", ["YYYY", "2018-01-02T23:12:01.Z"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: cannot use \".Z\" as UTC offset."),
    .init("formatdate", ["YYYY", "+2018-01-02T23:12:01Z"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: cannot use \"+2018-01-02T23:12:01Z\" as year."),
    .init("formatdate", ["YYYY", "2018-01-02T23:12:01+08:00:00"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: cannot use \":00\" as timestamp segment."),
    .init("formatdate", ["YYYY", "2019-02-29T23:12:01Z"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: day out of range."),
    .init("formatdate", ["YYYY", "2018-01-02T23:12:01 Z"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: cannot use \" Z\" as UTC offset."),
    .init("formatdate", ["YYYY", " 2018-01-02T23:12:01Z"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: cannot use \" 2018-01-02T23:12:01Z\" as year."),
    .init("formatdate", ["YYYY", "2018-01-02T23:12:01+01"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: cannot use \"+01\" as UTC offset."),
    .init("formatdate", ["YYYY", "2018-01-02T23:12:01+"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: cannot use \"+\" as UTC offset."),
    .init("formatdate", ["YYYY", "2018-01-02T23:12:01-"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: cannot use \"-\" as UTC offset."),
    .init("formatdate", ["YYYY", "2018-01-02T23:12:01+01:0"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: cannot use \"+01:0\" as UTC offset."),
    .init("formatdate", ["YYYY", "2018-01-02T23:12:01+aa:00"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: cannot use \"+aa:00\" as UTC offset."),
    .init("formatdate", ["YYYY", "2018-01-02T23:12:01+01:aa"], 1, "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: cannot use \"+01:aa\" as UTC offset."),
    .init("timecmp", ["2018-01-02T24:12:01Z", "2018-01-02T03:12:01Z"], 0, "Invalid value for \"timestamp_a\" parameter: not a valid RFC3339 timestamp: cannot use \":12:01Z\" as hour."),
    .init("timecmp", ["2018-01-02T23:60:01Z", "2018-01-02T23:12:01Z"], 0, "Invalid value for \"timestamp_a\" parameter: not a valid RFC3339 timestamp: cannot use \":01Z\" as minute."),
    .init("timecmp", ["2018-01-02T23:2:01Z", "2018-01-02T23:12:01Z"], 0, "Invalid value for \"timestamp_a\" parameter: not a valid RFC3339 timestamp: cannot use \"2:01Z\" as minute."),
    .init("timecmp", ["2018-01-32T23:12:01Z", "2018-01-02T23:12:01Z"], 0, "Invalid value for \"timestamp_a\" parameter: not a valid RFC3339 timestamp: day out of range."),
    .init("timecmp", ["2018-01-02T23:12:01Z", "x"], 1, "Invalid value for \"timestamp_b\" parameter: not a valid RFC3339 timestamp: cannot use \"x\" as year."),
    .init("timecmp", ["2018-01-02T23:12:01+25:00", "2018-01-02T23:12:01Z"], 0, "Invalid value for \"timestamp_a\" parameter: not a valid RFC3339 timestamp: end of string before UTC offset."),
    .init("timecmp", ["2018-01-02T23:12:01+08:61", "2018-01-02T23:12:01Z"], 0, "Invalid value for \"timestamp_a\" parameter: not a valid RFC3339 timestamp: end of string before UTC offset."),
    .init("timeadd", ["2017-11-22T00:00:00Z", ""], 1, "Invalid value for \"duration\" parameter: time: invalid duration \"\"."),
    .init("timeadd", ["2017-11-22T00:00:00Z", "1"], 1, "Invalid value for \"duration\" parameter: time: missing unit in duration \"1\"."),
    .init("timeadd", ["2017-11-22T00:00:00Z", "1x"], 1, "Invalid value for \"duration\" parameter: time: unknown unit \"x\" in duration \"1x\"."),
    .init("timeadd", ["2017-11-22T00:00:00Z", "1d"], 1, "Invalid value for \"duration\" parameter: time: unknown unit \"d\" in duration \"1d\"."),
    .init("timeadd", ["2017-11-22T00:00:00Z", "h"], 1, "Invalid value for \"duration\" parameter: time: invalid duration \"h\"."),
    .init("timeadd", ["2017-11-22T00:00:00Z", ".h"], 1, "Invalid value for \"duration\" parameter: time: invalid duration \".h\"."),
    .init("timeadd", ["2017-11-22T00:00:00Z", "-"], 1, "Invalid value for \"duration\" parameter: time: invalid duration \"-\"."),
    .init("timeadd", ["2017-11-22T00:00:00Z", "1é"], 1, "Invalid value for \"duration\" parameter: time: unknown unit \"\\xc3\\xa9\" in duration \"1\\xc3\\xa9\"."),
    .init("timeadd", ["2017-11-22T00:00:00Z", "9999999999999h"], 1, "Invalid value for \"duration\" parameter: time: invalid duration \"9999999999999h\"."),
    .init("timeadd", ["2017-11-22T00:00:00Z", "2562048h"], 1, "Invalid value for \"duration\" parameter: time: invalid duration \"2562048h\"."),
    .init("timeadd", ["2017-11-22T00:00:00Z", "1h 30m"], 1, "Invalid value for \"duration\" parameter: time: unknown unit \"h \" in duration \"1h 30m\"."),
    .init("timeadd", ["2017-11-22T00:00:00Z", "8760000h"], 1, "Invalid value for \"duration\" parameter: time: invalid duration \"8760000h\"."),
    .init("timeadd", ["0000-01-01T00:00:00Z", "-87600000h"], 1, "Invalid value for \"duration\" parameter: time: invalid duration \"-87600000h\"."),
    .init("timeadd", ["2017-11-22T00:00:00Z", "1h-30m"], 1, "Invalid value for \"duration\" parameter: time: unknown unit \"h-\" in duration \"1h-30m\"."),
    .init("timeadd", ["x", "1h"], 0, "Invalid value for \"timestamp\" parameter: not a valid RFC3339 timestamp: cannot use \"x\" as year."),
    .init("timeadd", ["2017-11-22T00:00:00Z", "00"], 1, "Invalid value for \"duration\" parameter: time: missing unit in duration \"00\"."),
    .init("timeadd", ["2017-11-22T00:00:00Z", "9223372036854775808ns"], 1, "Invalid value for \"duration\" parameter: time: invalid duration \"9223372036854775808ns\"."),
    .init("formatdate", ["déjà vu YYYY", "2018-01-02T23:12:01Z"], 0, "Invalid value for \"format\" parameter: invalid date format verb \"d\"."),
]

@Suite("Date and time functions")
struct FunctionsDateTimeTests {
    @Test(arguments: results)
    func result(_ example: DateTimeCase) throws {
        let expected: Value = example.function == "timecmp" ? .number(Int(example.expected)!) : str(example.expected)
        #expect(try call(example.function, example.arguments.map(str)) == expected)
    }

    @Test(arguments: failures)
    func failure(_ example: DateTimeFailure) {
        #expect(throws: FunctionError(argument: example.argument, example.message)) {
            try call(example.function, example.arguments.map(str))
        }
    }

    @Test func planTimestamp() throws {
        let planned = FunctionContext(baseDirectory: ".", planTimestamp: "2026-01-02T03:04:05Z")
        #expect(try call("plantimestamp", [], context: planned) == str("2026-01-02T03:04:05Z"))
        #expect(try call("plantimestamp", []) == .unknown(.string))
    }

    @Test func currentTimestamp() throws {
        #expect(try call("timestamp", []) == .unknown(.string), "impure: unknown while planning")
        let applying = FunctionContext(baseDirectory: ".", allowsImpureResults: true)
        let now = try #require(try call("timestamp", [], context: applying).stringValue)
        #expect(now.wholeMatch(of: /2\d{3}-\d\d-\d\dT\d\d:\d\d:\d\dZ/) != nil, "\(now)")
        // It reads back as a timestamp, and adding nothing changes nothing.
        #expect(try call("timeadd", [str(now), str("0s")]) == str(now))
    }

    @Test func calendarArithmetic() {
        // Every day for a few centuries round-trips through day numbers.
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            let (year, month, day) = Timestamp.civil(fromDays: days)
            #expect(Timestamp.daysFromCivil(year: year, month: month, day: day) == days)
        }
        #expect(Timestamp.daysFromCivil(year: 1970, month: 1, day: 1) == 0)
        #expect(Timestamp.daysFromCivil(year: 2000, month: 3, day: 1) == 11_017)
    }

    @Test func durations() throws {
        let cases: [(String, Int64)] = [
            ("1h30m", 5_400_000_000_000), ("-10s", -10_000_000_000), ("1.5h", 5_400_000_000_000),
            ("300ms", 300_000_000), ("2us", 2_000), ("2µs", 2_000), ("0", 0), ("+1ns", 1), (".5s", 500_000_000),
            ("9223372036854775807ns", Int64.max), ("-9223372036854775808ns", Int64.min),
        ]
        for (text, nanoseconds) in cases {
            #expect(try GoDuration.parse(text) == nanoseconds, "\(text)")
        }
        // Go's sum wraps around here (to zero); pcplan refuses it.
        #expect(throws: GoDuration.Invalid(message: "time: invalid duration \"-9223372036854775808ns9223372036854775808ns\"")) {
            try GoDuration.parse("-9223372036854775808ns9223372036854775808ns")
        }
    }

    @Test func unknownAndSensitiveArguments() throws {
        #expect(try call("formatdate", [str("YYYY"), .unknown(.string)]) == .unknown(.string))
        #expect(try call("timeadd", [str("2017-11-22T00:00:00Z").marked(), str("1h")]) == str("2017-11-22T01:00:00Z").marked())
        #expect(try call("timecmp", [str("2017-11-22T00:00:00Z"), str("2017-11-22T00:00:00Z").marked()]) == Value.number(0).marked())
    }
}
