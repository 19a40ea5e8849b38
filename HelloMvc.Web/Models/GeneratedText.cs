using Bogus;

namespace HelloMvc.Web.Models;

/// <summary>
/// The text of the AJAX demos, made up by Bogus. Every call seeds its own Faker from the page number
/// or id, so a URL gives the same text on every request and after a restart, and another URL other text.
/// </summary>
public sealed class GeneratedText
{
    public const int ParagraphsPerPage = 2;

    public LongPost Post(int postId)
    {
        var authorId = FakerFor(Kind.Post, postId).Random.Int(1, 100);
        return new LongPost(postId, authorId, Profile(authorId).Username, Paragraphs(1));
    }

    /// <summary>One page of the long post: page 1 is its opening, Load More asks for 2, 3, …</summary>
    public IReadOnlyList<string> Paragraphs(int page)
    {
        var faker = FakerFor(Kind.Paragraphs, page);
        return Enumerable.Range(0, ParagraphsPerPage).Select(_ => faker.Lorem.Paragraph(5)).ToList();
    }

    public IReadOnlyList<Comment> Comments(int postId)
    {
        var faker = FakerFor(Kind.Comments, postId);
        return Enumerable.Range(0, faker.Random.Int(3, 5))
            .Select(_ => new Comment(faker.Internet.UserName(), faker.Lorem.Sentence(6, 8)))
            .ToList();
    }

    public Profile Profile(int userId)
    {
        var faker = FakerFor(Kind.Profile, userId);
        return new Profile(faker.Internet.UserName(), $"{faker.Name.JobTitle()}. {faker.Hacker.Phrase()}");
    }

    private enum Kind { Post = 1, Paragraphs, Comments, Profile }

    // A seed per kind and id: post 1's comments must not echo page 1's paragraphs, and the global
    // Randomizer.Seed is never touched, so concurrent requests cannot disturb each other.
    private static Faker FakerFor(Kind kind, int id) =>
        new() { Random = new Randomizer(unchecked((int)kind * 1_000_003 + id)) };
}
