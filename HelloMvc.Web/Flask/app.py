# UrlRulesController.Half
@app.route('/half/<float:number>')
def half(number):
    return f'<h1>Half of {number} is {number / 2}.</h1>'

# UrlRulesController.SubPath
@app.route('/path/<path:subpath>')
def sub_path(subpath):
    return f'<h1>You asked for {escape(subpath)}.</h1>'

# UrlRulesController.Item
@app.route('/item/<uuid:id>')
def item(id):
    return f'<h1>Item {id}.</h1>'

# UrlRulesController.Converters
@app.route('/converters')
def converters():
    return render_template('converters.html')

# HooksController.Hooks
@app.before_first_request
def remember_start():
    app.config['STARTED_AT'] = datetime.now(timezone.utc)
@app.route('/hooks')
def hooks():
    @after_this_request
    def add_header(response):
        response.headers['X-After-This-Request'] = 'added by this view'
        return response
    return render_template('hooks.html', started_at=app.config['STARTED_AT'], name=g.get('name'))

# ResponsesController.BuiltByHand
@app.route('/response')
def built_by_hand():
    response = make_response('Built by hand.', 202)
    response.mimetype = 'text/plain'
    response.headers['X-Lesson'] = 'make_response'
    response.set_cookie('flavour', 'chocolate', httponly=True, samesite='Lax')
    return response

# CookieController.Index
@app.route('/cookie')
def cookie_lab():
    return render_template('cookie.html', cookies=request.cookies)

# CookieController.Set
@app.route('/cookie/set')
def set_cookie():
    args = request.args
    response = redirect(url_for('cookie_lab'))
    response.set_cookie(args['name'], args.get('value', ''),
                        max_age=args.get('maxAge', type=int), expires=args.get('expires'),
                        path=args.get('path', '/'), secure=args.get('secure') == 'true',
                        httponly=args.get('httpOnly') == 'true', samesite=args.get('sameSite'))
    return response
