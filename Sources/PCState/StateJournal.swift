import Foundation

/// One durable write to a state, in the form a shared backend keeps it:
/// the S3 backend stores them in small objects (one write, or the writes
/// that arrived together) beside a periodically compacted snapshot, so a
/// committed action costs at most one request whatever the size of the
/// state, and replaying the entries after the snapshot rebuilds the state
/// exactly.
public enum StateJournalEntry: Sendable, Hashable, Codable {
    /// `commit(_:clearingIntents:)`: the changes of one finished action (or
    /// a command), with the intents they settle.
    case commit(ChangeSet, clearingIntents: [IntentKey])
    /// `recordIntent(_:)`: what is about to be asked of a provider.
    case recordIntent(ApplyIntent)
    /// `clearIntent(address:deposedKey:)`.
    case clearIntent(IntentKey)

    /// The version of the encoding below; a reader refuses entries of a
    /// newer one rather than guess at them.
    public static let formatVersion = 1

    /// JSON of a batch of entries (one object of the journal), with the
    /// format version beside them; keys sorted and dates as seconds since
    /// 1970, so equal batches encode to equal bytes.
    public static func encoded(_ entries: [StateJournalEntry]) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .secondsSince1970
        return Array(try encoder.encode(Envelope(format: formatVersion, entries: entries)))
    }

    /// Reads what `encoded(_:)` wrote. A newer format or anything unreadable
    /// is a `StateError.unreadableJournalEntry` naming `source`.
    public static func decode(_ bytes: [UInt8], source: String) throws -> [StateJournalEntry] {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        let header: FormatOnly
        do {
            header = try decoder.decode(FormatOnly.self, from: Data(bytes))
        } catch {
            throw StateError.unreadableJournalEntry(source: source, reason: "it is not a pcplan journal entry (\(Self.describe(error)))")
        }
        guard header.format <= formatVersion else {
            throw StateError.unreadableJournalEntry(
                source: source,
                reason: "it was written by a newer pcplan (journal format \(header.format); this pcplan reads up to \(formatVersion)). Upgrade pcplan to use this state")
        }
        do {
            return try decoder.decode(Envelope.self, from: Data(bytes)).entries
        } catch {
            throw StateError.unreadableJournalEntry(source: source, reason: "it is damaged (\(Self.describe(error)))")
        }
    }

    private struct Envelope: Codable {
        var format: Int
        var entries: [StateJournalEntry]
    }

    private struct FormatOnly: Codable {
        var format: Int
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context), DecodingError.keyNotFound(_, let context),
             DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
        default:
            return "\(error)"
        }
    }
}

extension StateBackend {
    /// Makes the write an entry records, as the original call did.
    public func replay(_ entry: StateJournalEntry) throws {
        switch entry {
        case .commit(let changes, let intents):
            try commit(changes, clearingIntents: intents)
        case .recordIntent(let intent):
            try recordIntent(intent)
        case .clearIntent(let key):
            try clearIntent(address: key.address, deposedKey: key.deposedKey)
        }
    }
}
