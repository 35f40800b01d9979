/// The recommendation as every JSON document writes it, the session file included: 1–4,
/// `"noDecision"` when the interviewer made none (`r` `d`), `null` when none was given.
/// A session file of version 1 said `5` for no decision: it is still read. (The
/// `recommended` event keeps the key's number, `Rating.noDecision`, as every event does.)
@propertyWrapper
public struct RecommendationJSON: Codable, Hashable, Sendable {
    public var wrappedValue: Int?

    public init(wrappedValue: Int?) { self.wrappedValue = wrappedValue }

    /// The JSON word for no decision.
    public static let noDecision = "noDecision"

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            wrappedValue = nil
        } else if let word = try? container.decode(String.self) {
            guard word == Self.noDecision else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription:
                    "\"\(word)\" is not a recommendation: expected 1 to 4, \"\(Self.noDecision)\" or null")
            }
            wrappedValue = Rating.noDecision
        } else {
            wrappedValue = try container.decode(Int.self)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch wrappedValue {
        case nil: try container.encodeNil()
        case Rating.noDecision?: try container.encode(Self.noDecision)
        case let rating?: try container.encode(rating)
        }
    }
}

extension KeyedDecodingContainer {
    /// A recommendation's key may be absent (files written before it was always there):
    /// none given, as for a plain optional. The synthesized `Decodable` of a type with a
    /// `@RecommendationJSON` property calls this rather than the generic `decode`.
    public func decode(_ type: RecommendationJSON.Type, forKey key: Key) throws -> RecommendationJSON {
        try decodeIfPresent(type, forKey: key) ?? RecommendationJSON(wrappedValue: nil)
    }
}
