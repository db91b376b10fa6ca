import Foundation

/// The state object itself (`KEY`): which snapshot is current and how much
/// of the journal it covers. Small, so replacing it is cheap; replaced
/// only with `If-Match` on the ETag it was read with.
struct Head: Codable, Equatable {
    static let formatVersion = 1

    var format: Int
    /// The last journal entry the snapshot includes.
    var sequence: Int
    /// The key of the snapshot object.
    var snapshot: String
    /// The pcplan version that wrote it.
    var writer: String

    /// A head as read or written, with its ETag.
    struct Loaded {
        var head: Head
        var etag: String
        var sequence: Int { head.sequence }
        var snapshot: String { head.snapshot }
    }

    func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Array(try encoder.encode(self))
    }

    /// Reads a head; one from a newer pcplan, or anything else, is refused
    /// with the reason, and nothing is changed.
    static func decode(_ bytes: [UInt8], location: String) throws -> Head {
        struct FormatOnly: Codable { var format: Int }
        guard let format = try? JSONDecoder().decode(FormatOnly.self, from: Data(bytes)).format else {
            throw S3StateError.damaged(
                location: location,
                reason: "it is not a pcplan state head (a Terraform state, or a damaged or truncated object?)")
        }
        guard format <= formatVersion else {
            throw S3StateError.damaged(
                location: location,
                reason: "it was written by a newer pcplan (head format \(format); this pcplan reads up to \(formatVersion)). Upgrade pcplan to use this state")
        }
        do {
            return try JSONDecoder().decode(Head.self, from: Data(bytes))
        } catch {
            throw S3StateError.damaged(location: location, reason: "its head is incomplete (\(error))")
        }
    }
}
