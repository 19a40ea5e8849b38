using HelloMvc.Web.Classes;

namespace HelloMvc.Tests.Classes;

public class TeacherKeyTests
{
    [Fact]
    public void A_teacher_key_opens_only_its_own_class()
    {
        var key = TeacherKey.New();
        Assert.Equal(43, key.Length); // 256 bits, base64url
        Assert.True(TeacherKey.Opens(key, TeacherKey.Hash(key)));
        Assert.False(TeacherKey.Opens(key + "x", TeacherKey.Hash(key)));
        Assert.False(TeacherKey.Opens(TeacherKey.New(), TeacherKey.Hash(key)));
        Assert.False(TeacherKey.Opens(null, TeacherKey.Hash(key)));
    }
}
