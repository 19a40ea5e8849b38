using System.Diagnostics.CodeAnalysis;

namespace HelloMvc.Web.TryIt.Tasks;

/// <summary>
/// Why a try came back as it did: a sentence of the catalogue, whose English is the key of its translations, and the
/// values it names in its {0}, {1}: what the learner sent, kept out of the sentence so that a translation can place it.
/// A plain sentence converts to one (and no sentence to none).
/// </summary>
public sealed record Explanation(string Sentence, params object?[] Values)
{
    [return: NotNullIfNotNull(nameof(sentence))]
    public static implicit operator Explanation?(string? sentence) => sentence is null ? null : new(sentence);
}
