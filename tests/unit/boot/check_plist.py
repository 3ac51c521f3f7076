# plistlib reads the agent PostDoDjango generates: argv[1] the plist, argv[2] the stack folder.
import plistlib, sys
p = plistlib.load(open(sys.argv[1], 'rb'))
d = sys.argv[2]
assert p['Label'] == 'org.postdodjango.pddtest', p['Label']
args = p['ProgramArguments']
assert args[0] == '/bin/sh' and args[1] == '-c', args
assert args[4] == d + '/run', args
assert 'docker.sock' in args[2] and 'exec /bin/sh "$1" -0' in args[2], args[2]
assert p['WorkingDirectory'] == d
assert p['RunAtLoad'] is True
path = p['EnvironmentVariables']['PATH'].split(':')
assert '/usr/local/bin' in path and '/opt/homebrew/bin' in path, path
assert all(x.startswith('/') for x in path)
assert p['StandardOutPath'].startswith('/')
print('ok')
