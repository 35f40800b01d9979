import InterviewCore

/// An optional that a JSON document always writes: `null` when absent, so every key of a
/// report is present and tools need no special cases. The synthesized `Encodable` of a
/// report type writes it under the property's name; a plain optional would be left out.
@propertyWrapper
public struct Nullable<Value: Encodable & Hashable & Sendable>: Encodable, Hashable, Sendable {
    public var wrappedValue: Value?

    public init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}

/// The recommendation as every JSON document writes it: 1–4, `"noDecision"` when the
/// interviewer made none, `null` when none was given. (The session file's events keep the
/// key's number, `Rating.noDecision`; a session file's summary written before reads `5`.)
@propertyWrapper
public struct RecommendationJSON: Encodable, Hashable, Sendable {
    public var wrappedValue: Int?

    public init(wrappedValue: Int?) { self.wrappedValue = wrappedValue }

    /// The JSON word for no decision.
    public static let noDecision = "noDecision"

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch wrappedValue {
        case nil: try container.encodeNil()
        case Rating.noDecision?: try container.encode(Self.noDecision)
        case let rating?: try container.encode(rating)
        }
    }
}
