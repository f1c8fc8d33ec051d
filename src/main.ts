/** Entry of the built app: the session read goes out first, then the root element defines everything it shows. */
import './early-session.js';
import './app/my-page-app.js';
