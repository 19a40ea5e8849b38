using System.ComponentModel.DataAnnotations;

namespace HelloMvc.Web.Classes;

/// <summary>The form a student joins with: the name the teacher will see, in any script, trimmed.</summary>
public sealed class JoinForm
{
    public const int NameLimit = 32;

    private string? _name;

    [Required(ErrorMessage = "Enter your name, as your teacher will see it: 1 to 32 characters.")]
    [Display(Name = "name")]
    [TextLength(NameLimit)]
    public string? Name
    {
        get => _name;
        set => _name = value?.Trim();
    }
}
