/// One line of notes, stamped with the question clock (seconds) at which it was started.
public struct NoteLine: Codable, Hashable, Sendable {
    public var at: Double
    public var text: String
    public init(at: Double, text: String) {
        self.at = at
        self.text = text
    }
}

public enum SessionStatus: String, Codable, Hashable, Sendable {
    case inProgress = "in-progress"
    case completed
    case interrupted
}

public enum SessionMode: String, Codable, Hashable, Sendable {
    case live
    case practice
}

/// Something that happened in a session, at a monotonic time in seconds since it
/// started (time while the program was not running does not count). Only the fields
/// its type needs are set, so the JSON stays small and easy to read with `jq`.
public struct SessionEvent: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Hashable, Sendable, CaseIterable {
        case started
        case questionOpened
        case rubricToggled
        case rated
        case notesEdited
        case paused
        case resumed
        case shareSafe
        case wrapUp
        case recommended
        case closingNotesEdited
        case interrupted
        case reopened
        /// An ended interview opened again to amend it (`resume --reopen`).
        case reopenedAfterEnd
        /// A question of the interviewer's own (`+`), its prompt in `text`, after the current one.
        case questionAdded
        /// `m`: the question counts as asked (`on`), whatever its clock says.
        case markedAsked
        /// `x`: the question was not reached, or gave no signal (`on`); `text` may say why.
        case skipped
        /// `f` and a digit: follow-up `item` of the question was asked (`on`).
        case followUpAsked
        case ended
        /// Text was taken out of the notes after the fact (`interview redact`, `anonymize`):
        /// when (`date`, wall clock) and how many `characters`, never what. The fold ignores it.
        case redacted
    }

    public var at: Double
    public var type: Kind
    public var question: Int?
    public var item: Int?
    /// 1 strong no … 4 strong yes; 0 clears a rating.
    public var rating: Int?
    public var on: Bool?
    /// Notes edits replace `removed` lines from line `from` with `lines`.
    public var from: Int?
    public var removed: Int?
    public var lines: [NoteLine]?
    /// True on an event that takes back the last change (`u`): replay shows it as it was.
    public var undo: Bool?
    /// True on an event that does again what the last undo took back (`Esc U`).
    public var redo: Bool?
    /// The prompt of a question added during the interview; the reason for a skip.
    public var text: String?
    /// On a `redacted` event: how many characters left the notes.
    public var characters: Int?
    /// On a `redacted` event: when it happened, an ISO 8601 wall-clock label.
    public var date: String?

    public init(at: Double, type: Kind, question: Int? = nil, item: Int? = nil, rating: Int? = nil, on: Bool? = nil,
                from: Int? = nil, removed: Int? = nil, lines: [NoteLine]? = nil, undo: Bool? = nil, redo: Bool? = nil,
                text: String? = nil, characters: Int? = nil, date: String? = nil) {
        self.at = (at * 1000).rounded() / 1000
        self.type = type
        self.question = question
        self.item = item
        self.rating = rating
        self.on = on
        self.from = from
        self.removed = removed
        self.lines = lines
        self.undo = undo
        self.redo = redo
        self.text = text
        self.characters = characters
        self.date = date
    }

    /// The one event that turns `old` notes into `new` ones: the changed middle, between
    /// the lines both share at the start and at the end. Nil when nothing changed.
    public static func notesEdit(at: Double, type: Kind, question: Int?, from old: [NoteLine], to new: [NoteLine]) -> SessionEvent? {
        guard old != new else { return nil }
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
              old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        return SessionEvent(at: at, type: type, question: question, from: prefix,
                            removed: old.count - prefix - suffix, lines: Array(new[prefix..<(new.count - suffix)]))
    }
}
