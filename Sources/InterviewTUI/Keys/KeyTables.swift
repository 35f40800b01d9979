/// The registry of every key table of every screen: README's key sections, the man
/// page's KEYS and the tests walk it, so a table cannot be left out of any of them.
public enum KeyTables {
    public struct Entry: Sendable {
        public var name: String
        public var title: String
        public var markdown: String
        public var rows: [(keys: String, action: String)]
    }

    public static var all: [Entry] {
        LiveKeys.all.map(entry) + [entry(ReplayKeys.table), entry(ReplayKeys.questionList), entry(MirrorKeys.table), entry(LobbyKeys.table), entry(JoinKeys.table)]
    }

    static func entry<Context, Action>(_ table: KeyTable<Context, Action>) -> Entry {
        Entry(name: table.name, title: table.title, markdown: table.markdown, rows: table.rows())
    }
}
