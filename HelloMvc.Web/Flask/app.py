# The study note's Flask app, for the lessons this site rebuilds: Flask's own API, this site's URLs.
# Each block below starts with a comment naming the C# action that does the same here
# (# HelloController.Index); "The code" on that action's page shows the block beside it.
# Blocks are separated by one blank line, and a block has none inside it.
import os
from datetime import date, datetime, timezone
from urllib.parse import urljoin, urlparse

from flask import (Flask, abort, after_this_request, current_app, g, jsonify,
                   make_response, redirect, render_template, request, session,
                   url_for)
from jinja2.utils import generate_lorem_ipsum
from markupsafe import escape

app = Flask(__name__)
app.secret_key = os.getenv('SECRET_KEY', 'secret string')
REMINDER = {'to': 'Peter', 'from': 'Jane', 'heading': 'Reminder',
            'body': "Don't forget the party!"}


def is_safe_url(target):
    ref_url = urlparse(request.host_url)
    test_url = urlparse(urljoin(request.host_url, target))
    return (test_url.scheme in ('http', 'https')
            and ref_url.netloc == test_url.netloc)


def lorem(seed, n=1):
    return generate_lorem_ipsum(n=n)

# HelloController.Index
@app.route('/hello')
def index():
    return '<h1>Hello, World!</h1>'

# HelloController.Hi
@app.route('/hello/hi')
@app.route('/hello/hello')
def say_hello():
    return '<h1>Hello, Flask!</h1>'

# HelloController.Greet
@app.route('/hello/greet', defaults={'name': 'Programmer'})
@app.route('/hello/greet/<name>')
def greet(name):
    return '<h1>Hello, %s!</h1>' % escape(name)

# HelloController.Error
@app.route('/hello/error')
def error():
    # FLASK_DEBUG=1: the debugger; otherwise a 500 page.
    raise RuntimeError('Thrown on purpose.')

# RequestController.Hello
@app.route('/http')
@app.route('/http/hello')
def hello():
    name = request.args.get('name')
    if name is None:
        name = request.cookies.get('name', 'Human')
    response = '<h1>Hello, %s!</h1>' % escape(name)
    if 'logged_in' in session:
        response += '[Authenticated]'
    else:
        response += '[Not Authenticated]'
    return response

# RequestController.Inspect
@app.route('/http/request')
def inspect():
    # request is in every template's scope.
    return render_template('request.html')

# RequestController.Methods
@app.route('/http/methods', methods=['GET', 'POST'])
def methods():
    return 'You sent %s' % request.method

# HomeController.Routes
@app.route('/routes')
def routes():
    rules = sorted(app.url_map.iter_rules(), key=str)
    return render_template('routes.html', rules=rules)

# UrlRulesController.GoBack
@app.route('/http/goback/<int:year>')
def go_back(year):
    return 'Welcome to %d!' % (date.today().year - year)

# UrlRulesController.Colors
@app.route('/http/colors/<any(blue, white, red):color>')
def three_colors(color):
    return ('<p>Love is patient and kind. Love is not'
            ' jealous or boastful or proud or rude.</p>')

# UrlRulesController.Half
@app.route('/http/half/<float:number>')
def half(number):
    return f'<h1>Half of {number} is {number / 2}.</h1>'

# UrlRulesController.SubPath
@app.route('/http/path/<path:subpath>')
def sub_path(subpath):
    return f'<h1>You asked for {escape(subpath)}.</h1>'

# UrlRulesController.Item
@app.route('/http/item/<uuid:id>')
def item(id):
    return f'<h1>Item {id}.</h1>'

# UrlRulesController.Converters
@app.route('/http/converters')
def converters():
    return render_template('converters.html')

# HooksController.Hooks
@app.before_first_request
def remember_start():
    app.config['STARTED_AT'] = datetime.now(timezone.utc)
@app.route('/http/hooks')
def hooks():
    @after_this_request
    def add_header(response):
        response.headers['X-After-This-Request'] = 'added by this view'
        return response
    return render_template('hooks.html',
                           started_at=app.config['STARTED_AT'],
                           name=g.get('name'))

# HooksController.G
@app.before_request
def remember_name():
    g.name = request.args.get('name')
@app.route('/http/g')
def show_g():
    return 'g.name = %s' % escape(g.name)

# HooksController.Context
@app.route('/http/context')
def context():
    # current_app, g, request and session: all in scope.
    return render_template('context.html', app=current_app)

# ResponsesController.Hi
@app.route('/http/hi')
def hi():
    return redirect(url_for('hello'))

# ResponsesController.ExternalRedirect
@app.route('/http/redirect')
def external_redirect():
    return redirect('https://www.example.com')

# ResponsesController.CreatedNote
@app.route('/http/created')
def created_note():
    response = jsonify(note=REMINDER)
    response.status_code = 201
    response.location = url_for('note', content_type='json')
    return response

# ResponsesController.Brew
@app.route('/http/brew/<drink>')
def teapot(drink):
    if drink == 'coffee':
        abort(418)
    return 'A drop of tea.'

# ResponsesController.Missing
@app.route('/http/404')
def not_found():
    abort(404)

# ResponsesController.BuiltByHand
@app.route('/http/response')
def built_by_hand():
    response = make_response('Built by hand.', 202)
    response.mimetype = 'text/plain'
    response.headers['X-Lesson'] = 'make_response'
    response.set_cookie('flavour', 'chocolate',
                        httponly=True, samesite='Lax')
    return response

# ResponsesController.Note
@app.route('/http/note', defaults={'content_type': 'text'})
@app.route('/http/note/<content_type>')
def note(content_type):
    content_type = content_type.lower()
    if content_type == 'text':
        body = render_template('note.txt', note=REMINDER)
        response = make_response(body)
        response.mimetype = 'text/plain'
    elif content_type == 'html':
        body = render_template('note.html', note=REMINDER)
        response = make_response(body)
    elif content_type == 'xml':
        body = render_template('note.xml', note=REMINDER)
        response = make_response(body)
        response.mimetype = 'application/xml'
    elif content_type == 'json':
        response = jsonify(note=REMINDER)
    else:
        abort(400)
    return response

# CookieController.SetName
@app.route('/http/set/<name>')
def set_cookie(name):
    response = make_response(redirect(url_for('hello')))
    response.set_cookie('name', name, path='/',
                        httponly=True, samesite='Lax')
    return response

# CookieController.Index
@app.route('/http/cookie')
def cookie_lab():
    return render_template('cookie.html', cookies=request.cookies)

# CookieController.Set
@app.route('/http/cookie/set')
def cookie_lab_set():
    args = request.args
    response = redirect(url_for('cookie_lab'))
    response.set_cookie(args['name'], args.get('value', ''),
                        max_age=args.get('maxAge', type=int),
                        expires=args.get('expires'),
                        path=args.get('path', '/'),
                        secure=args.get('secure') == 'true',
                        httponly=args.get('httpOnly') == 'true',
                        samesite=args.get('sameSite'))
    return response

# SessionController.Login
@app.route('/http/login')
def login():
    session['logged_in'] = True
    return redirect(url_for('hello'))

# SessionController.Admin
@app.route('/http/admin')
def admin():
    if 'logged_in' not in session:
        abort(403)
    return 'Welcome to admin page.'

# SessionController.Logout
@app.route('/http/logout')
def logout():
    if 'logged_in' in session:
        session.pop('logged_in')
    return redirect(url_for('hello'))

# RedirectBackController.Foo
@app.route('/http/foo')
def foo():
    # Its link: url_for('do_something', next=request.full_path)
    return render_template('page.html', title='Foo page')

# RedirectBackController.Bar
@app.route('/http/bar')
def bar():
    return render_template('page.html', title='Bar page')

# RedirectBackController.DoSomething
@app.route('/http/do-something')
def do_something():
    for target in request.args.get('next'), request.referrer:
        if target and is_safe_url(target):
            return redirect(target)
    return redirect(url_for('hello'))

# AjaxController.Post
@app.route('/http/post')
def show_post():
    post_body = lorem(seed=1, n=2)
    return render_template('post.html', body=post_body)

# AjaxController.More
@app.route('/http/more')
def load_post():
    page = request.args.get('page', 1, type=int)
    if page < 1:
        abort(400)
    if request.accept_mimetypes.best == 'application/json':
        return jsonify(page=page, paragraphs=[lorem(page)])
    return lorem(page)

# AjaxController.Comments
@app.route('/http/comments/<int:post_id>')
def comments(post_id):
    return render_template('_comments.html', post_id=post_id)

# AjaxController.Profile
@app.route('/http/profile/<int:user_id>')
def profile(user_id):
    return jsonify(username='user%d' % user_id,
                   bio=lorem(user_id))

# AjaxController.Delete
@app.route('/http/post/delete/<int:post_id>', methods=['DELETE'])
def delete_post(post_id):
    return '', 204
