/// The keys of the mirror: it only shows, so there is one.
public enum MirrorKeys {
    public static let table = KeyTable<MirrorProgram.State, MirrorProgram.Action>(name: "mirror", title: "Mirror", [
        KeyBinding(.key, [.character("q")], "close the mirror (the interview goes on)", .quit),
    ])
}
