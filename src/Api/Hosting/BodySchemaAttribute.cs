namespace LlmPlatform.Api.Hosting;

/// <summary>A documented JSON body: the schema of <see cref="Type"/>, plus nullable string fields in <see cref="ExtraFields"/>.</summary>
public abstract class BodySchemaAttribute : Attribute
{
    protected BodySchemaAttribute(Type type, IReadOnlyList<string> extraFields)
    {
        Type = type;
        ExtraFields = extraFields;
    }

    public Type Type { get; }

    public IReadOnlyList<string> ExtraFields { get; }
}
