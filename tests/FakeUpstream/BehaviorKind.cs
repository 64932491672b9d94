namespace LlmPlatform.FakeUpstream;

public enum BehaviorKind
{
    Answer,
    Status,
    Hang,
    ResetBeforeFirstByte,
    ResetMidStream,
}
