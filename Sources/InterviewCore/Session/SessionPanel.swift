extension SessionFile {
    /// How a panel member's session links to the interview it scored: the lead's session
    /// id, this member's role, and the lead interviewer's name (for reports that have only
    /// this file). The lead's own file carries none: its members are the sessions whose
    /// `panel.interview` is its `id`.
    public struct Panel: Codable, Hashable, Sendable {
        public enum Role: String, Codable, Hashable, Sendable, CaseIterable {
            case lead, second, shadow
        }

        public var interview: String
        public var role: Role
        public var lead: String

        public init(interview: String, role: Role, lead: String) {
            (self.interview, self.role, self.lead) = (interview, role, lead)
        }

        /// How a report names it: "second to Ada Lovelace".
        public var description: String {
            role == .lead ? "lead" : "\(role.rawValue) to \(lead.isEmpty ? "the lead" : lead)"
        }
    }
}
