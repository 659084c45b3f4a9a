import { api, session, ApiError } from './api.js';
import { t, roleName } from './i18n.js';

const $ = id => document.getElementById(id);
$('app-name').textContent = t('appName');
$('sign-in-title').textContent = t('signIn');
$('key-label').textContent = t('keyLabel');
$('sign-in-button').textContent = t('signIn');
$('key-hint').textContent = t('keyHint');
$('to-cockpit').textContent = t('cockpit');
$('to-board').textContent = t('board');
$('sign-out').textContent = t('signOut');

function show() {
  const me = session.me();
  $('sign-in').hidden = !!me;
  $('signed-in').hidden = !me;
  $('who').textContent = me ? `${t('signedInAs')}：${me.name}（${roleName(me.role)}）` : '';
}

$('sign-in-form').addEventListener('submit', async event => {
  event.preventDefault();
  const key = $('key').value.trim();
  $('sign-in-error').textContent = '';
  try {
    const me = await api('/users/me', { key });
    session.save(key, me);
    $('key').value = '';
    show();
  } catch (error) {
    $('sign-in-error').textContent = error instanceof ApiError && error.status === 401 ? t('badKey') : String(error.message);
  }
});
$('sign-out').addEventListener('click', () => { session.clear(); show(); });
show();
