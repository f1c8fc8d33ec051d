/** Entry of the built app: the root element defines everything it shows. */
import './app/my-page-app.js';
